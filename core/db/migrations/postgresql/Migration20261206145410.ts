import { Migration } from '@mikro-orm/migrations';

export class Migration20261206145410 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "case_link" ("id" serial primary key, "company_id" int not null, "from_case_id" int not null, "to_case_id" int not null, "kind" varchar(32) not null, "resume_on" varchar(64) null, "resolved_at" timestamptz null, "reason" varchar(500) null, "actor_id" int null, "actor_role" varchar(64) null, "created_at" timestamptz not null);`);
    this.addSql(`create index "case_link_company_id_from_case_id_index" on "case_link" ("company_id", "from_case_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "case_link" cascade;`);
  }

}
