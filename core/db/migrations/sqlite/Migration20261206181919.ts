import { Migration } from '@mikro-orm/migrations';

export class Migration20261206181919 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`notification_cursor\` (\`name\` text not null, \`last_id\` integer not null, primary key (\`name\`));`);

    this.addSql(`create table \`staff_notification\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`staff_id\` integer not null, \`kind\` text not null, \`source\` text not null, \`case_id\` integer not null, \`case_type\` text not null, \`project_id\` integer not null, \`serial\` text not null, \`case_title\` text null, \`data\` json not null, \`created_at\` datetime not null, \`read_at\` datetime null);`);
    this.addSql(`create index \`staff_notification_company_id_staff_id_id_index\` on \`staff_notification\` (\`company_id\`, \`staff_id\`, \`id\`);`);
    this.addSql(`create index \`staff_notification_company_id_staff_id_read_at_index\` on \`staff_notification\` (\`company_id\`, \`staff_id\`, \`read_at\`);`);
    this.addSql(`create unique index \`staff_notification_source_staff_id_unique\` on \`staff_notification\` (\`source\`, \`staff_id\`);`);

    this.addSql(`create table \`staff_notification_prefs\` (\`staff_id\` integer not null primary key, \`company_id\` integer not null, \`muted\` json not null, \`updated_at\` datetime not null);`);
  }

}
