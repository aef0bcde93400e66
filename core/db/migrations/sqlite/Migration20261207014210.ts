import { Migration } from '@mikro-orm/migrations';

export class Migration20261207014210 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`wecom_robot\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer not null, \`sealed_key\` text not null, \`endpoint\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`wecom_robot_company_id_project_id_unique\` on \`wecom_robot\` (\`company_id\`, \`project_id\`);`);

    this.addSql(`create table \`wecom_robot_post\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer not null, \`robot_id\` integer not null, \`source\` text not null, \`case_id\` integer not null, \`text\` text not null, \`status\` text not null, \`attempts\` integer not null, \`next_attempt_at\` datetime not null, \`claimed_until\` datetime null, \`claim_token\` text null, \`error\` text null, \`created_at\` datetime not null, \`sent_at\` datetime null);`);
    this.addSql(`create index \`wecom_robot_post_status_next_attempt_at_index\` on \`wecom_robot_post\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create index \`wecom_robot_post_robot_id_sent_at_index\` on \`wecom_robot_post\` (\`robot_id\`, \`sent_at\`);`);
    this.addSql(`create unique index \`wecom_robot_post_robot_id_source_unique\` on \`wecom_robot_post\` (\`robot_id\`, \`source\`);`);
  }

}
