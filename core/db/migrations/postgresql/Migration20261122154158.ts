import { Migration } from '@mikro-orm/migrations';

export class Migration20261122154158 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "attachment" ("id" varchar(40) not null, "company_id" int not null, "name" varchar(200) not null, "type" varchar(100) not null, "size" int not null, "content" bytea not null, "uploaded_by" int not null, "created_at" timestamptz not null, constraint "attachment_pkey" primary key ("id"));`);
    this.addSql(`create index "attachment_company_id_created_at_index" on "attachment" ("company_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "attachment" cascade;`);
  }

}
