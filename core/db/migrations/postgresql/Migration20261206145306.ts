import { Migration } from '@mikro-orm/migrations';

export class Migration20261206145306 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "public_calendar_version" ("id" serial primary key, "year" int not null, "version" int not null, "holidays" jsonb not null, "workdays" jsonb not null, "source" varchar(300) not null, "imported_by" varchar(100) not null, "imported_at" timestamptz not null);`);
    this.addSql(`alter table "public_calendar_version" add constraint "public_calendar_version_year_version_unique" unique ("year", "version");`);

    this.addSql(`alter table "case_deadline" add column "calendar_gap_years" jsonb null;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "public_calendar_version" cascade;`);

    this.addSql(`alter table "case_deadline" drop column "calendar_gap_years";`);

  }

}
