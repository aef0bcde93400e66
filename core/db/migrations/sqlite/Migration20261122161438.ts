import { Migration } from '@mikro-orm/migrations';

export class Migration20261122161438 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_entry\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`actor_id\` integer not null, \`action\` text not null, \`target\` text not null, \`data\` json not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`audit_entry_company_id_id_index\` on \`audit_entry\` (\`company_id\`, \`id\`);`);
  }

}
