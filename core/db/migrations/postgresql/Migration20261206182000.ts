import { Migration } from '@mikro-orm/migrations';

export class Migration20261206182000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification_channel" ("id" serial primary key, "company_id" int not null, "channel" varchar(16) not null, "provider" varchar(16) not null, "endpoint" varchar(300) null, "settings" jsonb not null, "sealed_credentials" text not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "notification_channel" add constraint "notification_channel_company_id_channel_unique" unique ("company_id", "channel");`);

    this.addSql(`create table "outbox_message" ("id" serial primary key, "company_id" int not null, "person_id" int null, "unit_id" int null, "case_id" int null, "kind" varchar(32) not null, "template" varchar(64) not null, "channel" varchar(16) not null, "recipient" varchar(64) null, "params" jsonb not null, "text" text not null, "urgent" boolean not null, "status" varchar(16) not null, "reason" varchar(500) null, "attempts" int not null, "next_attempt_at" timestamptz not null, "claimed_until" timestamptz null, "claim_token" varchar(64) null, "provider_message_id" varchar(100) null, "dedupe_key" varchar(100) null, "created_at" timestamptz not null, "sent_at" timestamptz null);`);
    this.addSql(`create index "outbox_message_status_next_attempt_at_index" on "outbox_message" ("status", "next_attempt_at");`);
    this.addSql(`create index "outbox_message_company_id_unit_id_index" on "outbox_message" ("company_id", "unit_id");`);
    this.addSql(`create index "outbox_message_company_id_person_id_created_at_index" on "outbox_message" ("company_id", "person_id", "created_at");`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_company_id_dedupe_key_unique" unique ("company_id", "dedupe_key");`);

    this.addSql(`create table "resident_message_preference" ("id" serial primary key, "company_id" int not null, "person_id" int not null, "opt_out_kinds" jsonb not null, "wechat_open_id" varchar(64) null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "resident_message_preference" add constraint "resident_message_preference_company_id_person_id_unique" unique ("company_id", "person_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_channel" cascade;`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "resident_message_preference" cascade;`);
  }

}
