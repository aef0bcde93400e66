import { Migration } from '@mikro-orm/migrations';

export class Migration20261122154158 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`attachment\` (\`id\` text not null, \`company_id\` integer not null, \`name\` text not null, \`type\` text not null, \`size\` integer not null, \`content\` blob not null, \`uploaded_by\` integer not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`attachment_company_id_created_at_index\` on \`attachment\` (\`company_id\`, \`created_at\`);`);
  }

}
