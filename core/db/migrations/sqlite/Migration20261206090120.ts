import { Migration } from '@mikro-orm/migrations';

export class Migration20261206090120 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`login_throttle\` (\`key\` text not null, \`failures\` integer not null, \`window_start\` datetime not null, \`locked_until\` datetime null, primary key (\`key\`));`);
  }

}
