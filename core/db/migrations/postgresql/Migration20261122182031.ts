import { Migration } from '@mikro-orm/migrations';

export class Migration20261122182031 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "case_deadline" add column "paused_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_deadline" drop column "paused_at";`);
  }

}
