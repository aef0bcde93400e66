import { Migration } from '@mikro-orm/migrations';

export class Migration20261206145253 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`work_case\` add column \`promised_at\` datetime null;`);
    this.addSql(`alter table \`work_case\` add column \`postponements\` integer not null default 0;`);
    this.addSql(`alter table \`work_case\` add column \`last_told_at\` datetime null;`);
  }

}
