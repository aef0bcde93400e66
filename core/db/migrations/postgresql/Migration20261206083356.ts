import { Migration } from '@mikro-orm/migrations';

export class Migration20261206083356 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "config_draft" ("id" serial primary key, "company_id" int not null, "staff_id" int not null, "base_version" int not null, "document" jsonb not null, "editor" jsonb not null, "version" int not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "config_draft" add constraint "config_draft_company_id_staff_id_unique" unique ("company_id", "staff_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "config_draft" cascade;`);
  }

}
