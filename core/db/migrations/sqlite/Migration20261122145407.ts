import { Migration } from '@mikro-orm/migrations';

export class Migration20261122145407 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`building\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer not null, \`code\` text not null, \`name\` text not null);`);
    this.addSql(`create index \`building_company_id_project_id_index\` on \`building\` (\`company_id\`, \`project_id\`);`);
    this.addSql(`create unique index \`building_project_id_code_unique\` on \`building\` (\`project_id\`, \`code\`);`);

    this.addSql(`create table \`case_deadline\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`case_id\` integer not null, \`key\` text not null, \`started_at\` datetime not null, \`due_at\` datetime not null, \`duration\` json not null, \`status\` text not null, \`met_at\` datetime null, \`overdue_at\` datetime null, \`escalated_to_role\` text null);`);
    this.addSql(`create index \`case_deadline_status_due_at_index\` on \`case_deadline\` (\`status\`, \`due_at\`);`);
    this.addSql(`create index \`case_deadline_case_id_index\` on \`case_deadline\` (\`case_id\`);`);

    this.addSql(`create table \`case_event\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`case_id\` integer not null, \`type\` text not null, \`transition\` text null, \`from_state\` text null, \`to_state\` text null, \`actor_id\` integer null, \`actor_role\` text null, \`data\` json not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`case_event_case_id_id_index\` on \`case_event\` (\`case_id\`, \`id\`);`);

    this.addSql(`create table \`company\` (\`id\` integer not null primary key autoincrement, \`code\` text not null, \`name\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`company_code_unique\` on \`company\` (\`code\`);`);

    this.addSql(`create table \`config_version\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`number\` integer not null, \`document\` json not null, \`status\` text not null, \`reason\` text not null, \`author_id\` integer null, \`created_at\` datetime not null, \`effective_from\` datetime not null, \`activated_at\` datetime null, \`activated_by\` integer null, \`based_on\` integer null);`);
    this.addSql(`create unique index \`config_version_company_id_number_unique\` on \`config_version\` (\`company_id\`, \`number\`);`);

    this.addSql(`create table \`counter\` (\`company_id\` integer not null, \`key\` text not null, \`value\` integer not null, primary key (\`company_id\`, \`key\`));`);

    this.addSql(`create table \`follow_up\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`case_id\` integer not null, \`case_type\` text not null, \`project_id\` integer not null, \`due_at\` datetime not null, \`method\` text not null, \`roles\` json not null, \`status\` text not null, \`satisfied\` integer null, \`on_site\` integer null, \`result\` json null, \`done_at\` datetime null, \`done_by\` integer null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`follow_up_company_id_status_due_at_index\` on \`follow_up\` (\`company_id\`, \`status\`, \`due_at\`);`);
    this.addSql(`create index \`follow_up_case_id_index\` on \`follow_up\` (\`case_id\`);`);

    this.addSql(`create table \`person\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`name\` text not null, \`phone\` text null, \`id_number\` text null);`);
    this.addSql(`create index \`person_company_id_name_index\` on \`person\` (\`company_id\`, \`name\`);`);

    this.addSql(`create table \`project\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`code\` text not null, \`name\` text not null);`);
    this.addSql(`create unique index \`project_company_id_code_unique\` on \`project\` (\`company_id\`, \`code\`);`);

    this.addSql(`create table \`session\` (\`token_hash\` text not null, \`company_id\` integer not null, \`staff_id\` integer not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, primary key (\`token_hash\`));`);
    this.addSql(`create index \`session_staff_id_index\` on \`session\` (\`staff_id\`);`);

    this.addSql(`create table \`staff\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`username\` text not null, \`name\` text not null, \`password_hash\` text not null, \`roles\` json not null, \`active\` integer not null default true, \`language\` text not null default 'zh-CN');`);
    this.addSql(`create unique index \`staff_username_unique\` on \`staff\` (\`username\`);`);
    this.addSql(`create index \`staff_company_id_index\` on \`staff\` (\`company_id\`);`);

    this.addSql(`create table \`staff_project\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`staff_id\` integer not null, \`project_id\` integer not null);`);
    this.addSql(`create unique index \`staff_project_staff_id_project_id_unique\` on \`staff_project\` (\`staff_id\`, \`project_id\`);`);

    this.addSql(`create table \`unit\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer not null, \`building_id\` integer not null, \`number\` text not null, \`floor\` integer null, \`area\` numeric(10,2) not null, \`unit_type\` text not null, \`status\` text not null);`);
    this.addSql(`create index \`unit_company_id_project_id_index\` on \`unit\` (\`company_id\`, \`project_id\`);`);
    this.addSql(`create unique index \`unit_building_id_number_unique\` on \`unit\` (\`building_id\`, \`number\`);`);

    this.addSql(`create table \`unit_person\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`unit_id\` integer not null, \`person_id\` integer not null, \`relation\` text not null);`);
    this.addSql(`create index \`unit_person_person_id_index\` on \`unit_person\` (\`person_id\`);`);
    this.addSql(`create unique index \`unit_person_unit_id_person_id_relation_unique\` on \`unit_person\` (\`unit_id\`, \`person_id\`, \`relation\`);`);

    this.addSql(`create table \`work_case\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`case_type\` text not null, \`serial\` text not null, \`project_id\` integer not null, \`building_id\` integer null, \`unit_id\` integer null, \`person_id\` integer null, \`state\` text not null, \`data\` json not null, \`severity\` text null, \`title\` text null, \`assignee_role\` text null, \`assignee_id\` integer null, \`config_version_id\` integer null, \`version\` integer not null, \`next_due_at\` datetime null, \`overdue\` integer not null default false, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`created_by\` integer not null, \`closed_at\` datetime null);`);
    this.addSql(`create index \`work_case_company_id_case_type_id_index\` on \`work_case\` (\`company_id\`, \`case_type\`, \`id\`);`);
    this.addSql(`create index \`work_case_company_id_case_type_state_id_index\` on \`work_case\` (\`company_id\`, \`case_type\`, \`state\`, \`id\`);`);
    this.addSql(`create index \`work_case_company_id_case_type_project_id_id_index\` on \`work_case\` (\`company_id\`, \`case_type\`, \`project_id\`, \`id\`);`);
    this.addSql(`create index \`work_case_company_id_assignee_id_next_due_at_index\` on \`work_case\` (\`company_id\`, \`assignee_id\`, \`next_due_at\`);`);
    this.addSql(`create index \`work_case_company_id_assignee_role_next_due_at_index\` on \`work_case\` (\`company_id\`, \`assignee_role\`, \`next_due_at\`);`);
    this.addSql(`create index \`work_case_company_id_unit_id_index\` on \`work_case\` (\`company_id\`, \`unit_id\`);`);
    this.addSql(`create unique index \`work_case_company_id_serial_unique\` on \`work_case\` (\`company_id\`, \`serial\`);`);
  }

}
