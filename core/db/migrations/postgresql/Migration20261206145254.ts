import { Migration } from '@mikro-orm/migrations';

export class Migration20261206145254 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "work_case" add column "promised_at" timestamptz null, add column "postponements" int not null default 0, add column "last_told_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "work_case" drop column "promised_at", drop column "postponements", drop column "last_told_at";`);
  }

}
