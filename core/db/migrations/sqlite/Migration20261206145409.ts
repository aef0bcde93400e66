import { Migration } from '@mikro-orm/migrations';

export class Migration20261206145409 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`case_link\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`from_case_id\` integer not null, \`to_case_id\` integer not null, \`kind\` text not null, \`resume_on\` text null, \`resolved_at\` datetime null, \`reason\` text null, \`actor_id\` integer null, \`actor_role\` text null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`case_link_company_id_from_case_id_index\` on \`case_link\` (\`company_id\`, \`from_case_id\`);`);
  }

}
