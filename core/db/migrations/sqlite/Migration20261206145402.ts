import { Migration } from '@mikro-orm/migrations';

export class Migration20261206145402 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`staff\` add column \`skills\` json null;`);
  }

}
