import { Migration } from '@mikro-orm/migrations';

export class Migration20261206145403 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "staff" add column "skills" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "staff" drop column "skills";`);
  }

}
