import { Migration } from '@mikro-orm/migrations';

export class Migration20261122145407 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "building" ("id" serial primary key, "company_id" int not null, "project_id" int not null, "code" varchar(32) not null, "name" varchar(200) not null);`);
    this.addSql(`create index "building_company_id_project_id_index" on "building" ("company_id", "project_id");`);
    this.addSql(`alter table "building" add constraint "building_project_id_code_unique" unique ("project_id", "code");`);

    this.addSql(`create table "case_deadline" ("id" serial primary key, "company_id" int not null, "case_id" int not null, "key" varchar(64) not null, "started_at" timestamptz not null, "due_at" timestamptz not null, "duration" jsonb not null, "status" varchar(16) not null, "met_at" timestamptz null, "overdue_at" timestamptz null, "escalated_to_role" varchar(64) null);`);
    this.addSql(`create index "case_deadline_status_due_at_index" on "case_deadline" ("status", "due_at");`);
    this.addSql(`create index "case_deadline_case_id_index" on "case_deadline" ("case_id");`);

    this.addSql(`create table "case_event" ("id" serial primary key, "company_id" int not null, "case_id" int not null, "type" varchar(32) not null, "transition" varchar(64) null, "from_state" varchar(64) null, "to_state" varchar(64) null, "actor_id" int null, "actor_role" varchar(64) null, "data" jsonb not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "case_event_case_id_id_index" on "case_event" ("case_id", "id");`);

    this.addSql(`create table "company" ("id" serial primary key, "code" varchar(32) not null, "name" varchar(200) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "company" add constraint "company_code_unique" unique ("code");`);

    this.addSql(`create table "config_version" ("id" serial primary key, "company_id" int not null, "number" int not null, "document" jsonb not null, "status" varchar(16) not null, "reason" varchar(500) not null, "author_id" int null, "created_at" timestamptz not null, "effective_from" timestamptz not null, "activated_at" timestamptz null, "activated_by" int null, "based_on" int null);`);
    this.addSql(`alter table "config_version" add constraint "config_version_company_id_number_unique" unique ("company_id", "number");`);

    this.addSql(`create table "counter" ("company_id" int not null, "key" varchar(64) not null, "value" int not null, constraint "counter_pkey" primary key ("company_id", "key"));`);

    this.addSql(`create table "follow_up" ("id" serial primary key, "company_id" int not null, "case_id" int not null, "case_type" varchar(64) not null, "project_id" int not null, "due_at" timestamptz not null, "method" varchar(16) not null, "roles" jsonb not null, "status" varchar(16) not null, "satisfied" boolean null, "on_site" boolean null, "result" jsonb null, "done_at" timestamptz null, "done_by" int null, "created_at" timestamptz not null);`);
    this.addSql(`create index "follow_up_company_id_status_due_at_index" on "follow_up" ("company_id", "status", "due_at");`);
    this.addSql(`create index "follow_up_case_id_index" on "follow_up" ("case_id");`);

    this.addSql(`create table "person" ("id" serial primary key, "company_id" int not null, "name" varchar(100) not null, "phone" varchar(32) null, "id_number" varchar(32) null);`);
    this.addSql(`create index "person_company_id_name_index" on "person" ("company_id", "name");`);

    this.addSql(`create table "project" ("id" serial primary key, "company_id" int not null, "code" varchar(32) not null, "name" varchar(200) not null);`);
    this.addSql(`alter table "project" add constraint "project_company_id_code_unique" unique ("company_id", "code");`);

    this.addSql(`create table "session" ("token_hash" varchar(64) not null, "company_id" int not null, "staff_id" int not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "session_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "session_staff_id_index" on "session" ("staff_id");`);

    this.addSql(`create table "staff" ("id" serial primary key, "company_id" int not null, "username" varchar(64) not null, "name" varchar(100) not null, "password_hash" varchar(200) not null, "roles" jsonb not null, "active" boolean not null default true, "language" varchar(8) not null default 'zh-CN');`);
    this.addSql(`alter table "staff" add constraint "staff_username_unique" unique ("username");`);
    this.addSql(`create index "staff_company_id_index" on "staff" ("company_id");`);

    this.addSql(`create table "staff_project" ("id" serial primary key, "company_id" int not null, "staff_id" int not null, "project_id" int not null);`);
    this.addSql(`alter table "staff_project" add constraint "staff_project_staff_id_project_id_unique" unique ("staff_id", "project_id");`);

    this.addSql(`create table "unit" ("id" serial primary key, "company_id" int not null, "project_id" int not null, "building_id" int not null, "number" varchar(32) not null, "floor" int null, "area" numeric(10,2) not null, "unit_type" varchar(32) not null, "status" varchar(32) not null);`);
    this.addSql(`create index "unit_company_id_project_id_index" on "unit" ("company_id", "project_id");`);
    this.addSql(`alter table "unit" add constraint "unit_building_id_number_unique" unique ("building_id", "number");`);

    this.addSql(`create table "unit_person" ("id" serial primary key, "company_id" int not null, "unit_id" int not null, "person_id" int not null, "relation" varchar(16) not null);`);
    this.addSql(`create index "unit_person_person_id_index" on "unit_person" ("person_id");`);
    this.addSql(`alter table "unit_person" add constraint "unit_person_unit_id_person_id_relation_unique" unique ("unit_id", "person_id", "relation");`);

    this.addSql(`create table "work_case" ("id" serial primary key, "company_id" int not null, "case_type" varchar(64) not null, "serial" varchar(32) not null, "project_id" int not null, "building_id" int null, "unit_id" int null, "person_id" int null, "state" varchar(64) not null, "data" jsonb not null, "severity" varchar(64) null, "title" varchar(200) null, "assignee_role" varchar(64) null, "assignee_id" int null, "config_version_id" int null, "version" int not null, "next_due_at" timestamptz null, "overdue" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, "created_by" int not null, "closed_at" timestamptz null);`);
    this.addSql(`create index "work_case_company_id_case_type_id_index" on "work_case" ("company_id", "case_type", "id");`);
    this.addSql(`create index "work_case_company_id_case_type_state_id_index" on "work_case" ("company_id", "case_type", "state", "id");`);
    this.addSql(`create index "work_case_company_id_case_type_project_id_id_index" on "work_case" ("company_id", "case_type", "project_id", "id");`);
    this.addSql(`create index "work_case_company_id_assignee_id_next_due_at_index" on "work_case" ("company_id", "assignee_id", "next_due_at");`);
    this.addSql(`create index "work_case_company_id_assignee_role_next_due_at_index" on "work_case" ("company_id", "assignee_role", "next_due_at");`);
    this.addSql(`create index "work_case_company_id_unit_id_index" on "work_case" ("company_id", "unit_id");`);
    this.addSql(`alter table "work_case" add constraint "work_case_company_id_serial_unique" unique ("company_id", "serial");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "building" cascade;`);

    this.addSql(`drop table if exists "case_deadline" cascade;`);

    this.addSql(`drop table if exists "case_event" cascade;`);

    this.addSql(`drop table if exists "company" cascade;`);

    this.addSql(`drop table if exists "config_version" cascade;`);

    this.addSql(`drop table if exists "counter" cascade;`);

    this.addSql(`drop table if exists "follow_up" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "project" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "staff" cascade;`);

    this.addSql(`drop table if exists "staff_project" cascade;`);

    this.addSql(`drop table if exists "unit" cascade;`);

    this.addSql(`drop table if exists "unit_person" cascade;`);

    this.addSql(`drop table if exists "work_case" cascade;`);
  }

}
