import { Migration } from '@mikro-orm/migrations';

export class Migration20261206113529 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "operator_session" ("token_hash" varchar(64) not null, "operator_id" int not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "operator_session_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "operator_session_operator_id_index" on "operator_session" ("operator_id");`);

    this.addSql(`create table "platform_operator" ("id" serial primary key, "username" varchar(64) not null, "name" varchar(100) not null, "password_hash" varchar(200) not null, "active" boolean not null default true, "created_at" timestamptz not null);`);
    this.addSql(`alter table "platform_operator" add constraint "platform_operator_username_unique" unique ("username");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "operator_session" cascade;`);

    this.addSql(`drop table if exists "platform_operator" cascade;`);
  }

}
