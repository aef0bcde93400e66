import { Migration } from '@mikro-orm/migrations';

export class Migration20261122185128 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "follow_up_company_id_case_type_due_at_index" on "follow_up" ("company_id", "case_type", "due_at");`);

    this.addSql(`create index "work_case_company_id_case_type_created_at_index" on "work_case" ("company_id", "case_type", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "follow_up_company_id_case_type_due_at_index";`);

    this.addSql(`drop index "work_case_company_id_case_type_created_at_index";`);
  }

}
