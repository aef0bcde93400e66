import { Migration } from '@mikro-orm/migrations';

export class Migration20261206152500_duty_desk extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`duty_desk_sign_off\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer not null, \`review_date\` text not null, \`signed_by\` integer not null, \`signed_at\` datetime not null, \`note\` text not null, \`open_count\` integer not null, \`overdue_count\` integer not null);`);
    this.addSql(`create unique index \`duty_desk_sign_off_company_id_project_id_review_date_unique\` on \`duty_desk_sign_off\` (\`company_id\`, \`project_id\`, \`review_date\`);`);
  }

}
