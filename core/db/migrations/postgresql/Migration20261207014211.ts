import { Migration } from '@mikro-orm/migrations';

export class Migration20261207014211 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "wecom_robot" ("id" serial primary key, "company_id" int not null, "project_id" int not null, "sealed_key" text not null, "endpoint" varchar(300) null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "wecom_robot" add constraint "wecom_robot_company_id_project_id_unique" unique ("company_id", "project_id");`);

    this.addSql(`create table "wecom_robot_post" ("id" serial primary key, "company_id" int not null, "project_id" int not null, "robot_id" int not null, "source" varchar(64) not null, "case_id" int not null, "text" text not null, "status" varchar(16) not null, "attempts" int not null, "next_attempt_at" timestamptz not null, "claimed_until" timestamptz null, "claim_token" varchar(64) null, "error" varchar(500) null, "created_at" timestamptz not null, "sent_at" timestamptz null);`);
    this.addSql(`create index "wecom_robot_post_status_next_attempt_at_index" on "wecom_robot_post" ("status", "next_attempt_at");`);
    this.addSql(`create index "wecom_robot_post_robot_id_sent_at_index" on "wecom_robot_post" ("robot_id", "sent_at");`);
    this.addSql(`alter table "wecom_robot_post" add constraint "wecom_robot_post_robot_id_source_unique" unique ("robot_id", "source");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "wecom_robot" cascade;`);

    this.addSql(`drop table if exists "wecom_robot_post" cascade;`);
  }

}
