import { Migration } from '@mikro-orm/migrations';

export class Migration20261206181920 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification_cursor" ("name" varchar(64) not null, "last_id" int not null, constraint "notification_cursor_pkey" primary key ("name"));`);

    this.addSql(`create table "staff_notification" ("id" serial primary key, "company_id" int not null, "staff_id" int not null, "kind" varchar(32) not null, "source" varchar(64) not null, "case_id" int not null, "case_type" varchar(64) not null, "project_id" int not null, "serial" varchar(32) not null, "case_title" varchar(200) null, "data" jsonb not null, "created_at" timestamptz not null, "read_at" timestamptz null);`);
    this.addSql(`create index "staff_notification_company_id_staff_id_id_index" on "staff_notification" ("company_id", "staff_id", "id");`);
    this.addSql(`create index "staff_notification_company_id_staff_id_read_at_index" on "staff_notification" ("company_id", "staff_id", "read_at");`);
    this.addSql(`alter table "staff_notification" add constraint "staff_notification_source_staff_id_unique" unique ("source", "staff_id");`);

    this.addSql(`create table "staff_notification_prefs" ("staff_id" int not null, "company_id" int not null, "muted" jsonb not null, "updated_at" timestamptz not null, constraint "staff_notification_prefs_pkey" primary key ("staff_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_cursor" cascade;`);

    this.addSql(`drop table if exists "staff_notification" cascade;`);

    this.addSql(`drop table if exists "staff_notification_prefs" cascade;`);
  }

}
