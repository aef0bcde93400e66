import { Migration } from '@mikro-orm/migrations';

export class Migration20261206152500_duty_desk extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "duty_desk_sign_off" ("id" serial primary key, "company_id" int not null, "project_id" int not null, "review_date" varchar(10) not null, "signed_by" int not null, "signed_at" timestamptz not null, "note" varchar(1000) not null, "open_count" int not null, "overdue_count" int not null);`);
    this.addSql(`alter table "duty_desk_sign_off" add constraint "duty_desk_sign_off_company_id_project_id_review_date_unique" unique ("company_id", "project_id", "review_date");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "duty_desk_sign_off" cascade;`);
  }

}
