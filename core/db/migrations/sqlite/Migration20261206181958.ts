import { Migration } from '@mikro-orm/migrations';

export class Migration20261206181958 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`notification_channel\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`channel\` text not null, \`provider\` text not null, \`endpoint\` text null, \`settings\` json not null, \`sealed_credentials\` text not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`notification_channel_company_id_channel_unique\` on \`notification_channel\` (\`company_id\`, \`channel\`);`);

    this.addSql(`create table \`outbox_message\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`person_id\` integer null, \`unit_id\` integer null, \`case_id\` integer null, \`kind\` text not null, \`template\` text not null, \`channel\` text not null, \`recipient\` text null, \`params\` json not null, \`text\` text not null, \`urgent\` integer not null, \`status\` text not null, \`reason\` text null, \`attempts\` integer not null, \`next_attempt_at\` datetime not null, \`claimed_until\` datetime null, \`claim_token\` text null, \`provider_message_id\` text null, \`dedupe_key\` text null, \`created_at\` datetime not null, \`sent_at\` datetime null);`);
    this.addSql(`create index \`outbox_message_status_next_attempt_at_index\` on \`outbox_message\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create index \`outbox_message_company_id_unit_id_index\` on \`outbox_message\` (\`company_id\`, \`unit_id\`);`);
    this.addSql(`create index \`outbox_message_company_id_person_id_created_at_index\` on \`outbox_message\` (\`company_id\`, \`person_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`outbox_message_company_id_dedupe_key_unique\` on \`outbox_message\` (\`company_id\`, \`dedupe_key\`);`);

    this.addSql(`create table \`resident_message_preference\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`person_id\` integer not null, \`opt_out_kinds\` json not null, \`wechat_open_id\` text null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`resident_message_preference_company_id_person_id_unique\` on \`resident_message_preference\` (\`company_id\`, \`person_id\`);`);
  }

}
