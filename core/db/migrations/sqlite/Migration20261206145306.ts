import { Migration } from '@mikro-orm/migrations';

export class Migration20261206145306 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`public_calendar_version\` (\`id\` integer not null primary key autoincrement, \`year\` integer not null, \`version\` integer not null, \`holidays\` json not null, \`workdays\` json not null, \`source\` text not null, \`imported_by\` text not null, \`imported_at\` datetime not null);`);
    this.addSql(`create unique index \`public_calendar_version_year_version_unique\` on \`public_calendar_version\` (\`year\`, \`version\`);`);

    this.addSql(`alter table \`case_deadline\` add column \`calendar_gap_years\` json null;`);

  }

}
