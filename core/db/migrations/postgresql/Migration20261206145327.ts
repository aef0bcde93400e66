import { Migration } from '@mikro-orm/migrations';

export class Migration20261206145327 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "archive_change" ("id" serial primary key, "company_id" int not null, "unit_id" int not null, "actor_id" int null, "at" timestamptz not null, "subject" varchar(16) not null, "subject_id" int null, "action" varchar(16) not null, "field" varchar(32) null, "old_value" varchar(200) null, "new_value" varchar(200) null, "source" varchar(64) null);`);
    this.addSql(`create index "archive_change_company_id_unit_id_index" on "archive_change" ("company_id", "unit_id");`);

    this.addSql(`create table "household_archive" ("id" serial primary key, "company_id" int not null, "unit_id" int not null, "version" int not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "household_archive" add constraint "household_archive_unit_id_unique" unique ("unit_id");`);

    this.addSql(`create table "household_member" ("id" serial primary key, "company_id" int not null, "unit_id" int not null, "person_id" int not null, "relation" varchar(16) not null, "note" varchar(50) null, "since" varchar(10) null, "until" varchar(10) null, "created_at" timestamptz not null);`);
    this.addSql(`create index "household_member_company_id_unit_id_index" on "household_member" ("company_id", "unit_id");`);
    this.addSql(`create index "household_member_person_id_index" on "household_member" ("person_id");`);

    this.addSql(`create table "household_parking" ("id" serial primary key, "company_id" int not null, "unit_id" int not null, "number" varchar(32) not null, "kind" varchar(16) not null, "since" varchar(10) null, "until" varchar(10) null, "created_at" timestamptz not null, "removed_at" timestamptz null);`);
    this.addSql(`create index "household_parking_company_id_unit_id_index" on "household_parking" ("company_id", "unit_id");`);

    this.addSql(`create table "household_vehicle" ("id" serial primary key, "company_id" int not null, "unit_id" int not null, "person_id" int null, "plate" varchar(16) not null, "model" varchar(50) null, "color" varchar(20) null, "created_at" timestamptz not null, "removed_at" timestamptz null);`);
    this.addSql(`create index "household_vehicle_company_id_unit_id_index" on "household_vehicle" ("company_id", "unit_id");`);
    this.addSql(`create index "household_vehicle_company_id_plate_index" on "household_vehicle" ("company_id", "plate");`);

    this.addSql(`create table "personal_data_read" ("id" serial primary key, "company_id" int not null, "staff_id" int not null, "unit_id" int null, "person_id" int null, "at" timestamptz not null, "kind" varchar(16) not null, "field" varchar(16) null, "reason" varchar(200) null, "via" varchar(32) null);`);
    this.addSql(`create index "personal_data_read_company_id_at_index" on "personal_data_read" ("company_id", "at");`);
    this.addSql(`create index "personal_data_read_company_id_unit_id_index" on "personal_data_read" ("company_id", "unit_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "archive_change" cascade;`);

    this.addSql(`drop table if exists "household_archive" cascade;`);

    this.addSql(`drop table if exists "household_member" cascade;`);

    this.addSql(`drop table if exists "household_parking" cascade;`);

    this.addSql(`drop table if exists "household_vehicle" cascade;`);

    this.addSql(`drop table if exists "personal_data_read" cascade;`);
  }

}
