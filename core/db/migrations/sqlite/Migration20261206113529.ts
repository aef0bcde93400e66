import { Migration } from '@mikro-orm/migrations';

export class Migration20261206113529 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`operator_session\` (\`token_hash\` text not null, \`operator_id\` integer not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, primary key (\`token_hash\`));`);
    this.addSql(`create index \`operator_session_operator_id_index\` on \`operator_session\` (\`operator_id\`);`);

    this.addSql(`create table \`platform_operator\` (\`id\` integer not null primary key autoincrement, \`username\` text not null, \`name\` text not null, \`password_hash\` text not null, \`active\` integer not null default true, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`platform_operator_username_unique\` on \`platform_operator\` (\`username\`);`);
  }

}
