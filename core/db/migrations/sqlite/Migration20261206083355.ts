import { Migration } from '@mikro-orm/migrations';

export class Migration20261206083355 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`config_draft\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`staff_id\` integer not null, \`base_version\` integer not null, \`document\` json not null, \`editor\` json not null, \`version\` integer not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`config_draft_company_id_staff_id_unique\` on \`config_draft\` (\`company_id\`, \`staff_id\`);`);
  }

}
