import { Migration } from '@mikro-orm/migrations';

export class Migration20261122161439 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" serial primary key, "company_id" int not null, "actor_id" int not null, "action" varchar(64) not null, "target" varchar(64) not null, "data" jsonb not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "audit_entry_company_id_id_index" on "audit_entry" ("company_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
  }

}
