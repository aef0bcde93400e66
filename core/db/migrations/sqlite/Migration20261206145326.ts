import { Migration } from '@mikro-orm/migrations';

export class Migration20261206145326 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`archive_change\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`unit_id\` integer not null, \`actor_id\` integer null, \`at\` datetime not null, \`subject\` text not null, \`subject_id\` integer null, \`action\` text not null, \`field\` text null, \`old_value\` text null, \`new_value\` text null, \`source\` text null);`);
    this.addSql(`create index \`archive_change_company_id_unit_id_index\` on \`archive_change\` (\`company_id\`, \`unit_id\`);`);

    this.addSql(`create table \`household_archive\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`unit_id\` integer not null, \`version\` integer not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`household_archive_unit_id_unique\` on \`household_archive\` (\`unit_id\`);`);

    this.addSql(`create table \`household_member\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`unit_id\` integer not null, \`person_id\` integer not null, \`relation\` text not null, \`note\` text null, \`since\` text null, \`until\` text null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`household_member_company_id_unit_id_index\` on \`household_member\` (\`company_id\`, \`unit_id\`);`);
    this.addSql(`create index \`household_member_person_id_index\` on \`household_member\` (\`person_id\`);`);

    this.addSql(`create table \`household_parking\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`unit_id\` integer not null, \`number\` text not null, \`kind\` text not null, \`since\` text null, \`until\` text null, \`created_at\` datetime not null, \`removed_at\` datetime null);`);
    this.addSql(`create index \`household_parking_company_id_unit_id_index\` on \`household_parking\` (\`company_id\`, \`unit_id\`);`);

    this.addSql(`create table \`household_vehicle\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`unit_id\` integer not null, \`person_id\` integer null, \`plate\` text not null, \`model\` text null, \`color\` text null, \`created_at\` datetime not null, \`removed_at\` datetime null);`);
    this.addSql(`create index \`household_vehicle_company_id_unit_id_index\` on \`household_vehicle\` (\`company_id\`, \`unit_id\`);`);
    this.addSql(`create index \`household_vehicle_company_id_plate_index\` on \`household_vehicle\` (\`company_id\`, \`plate\`);`);

    this.addSql(`create table \`personal_data_read\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`staff_id\` integer not null, \`unit_id\` integer null, \`person_id\` integer null, \`at\` datetime not null, \`kind\` text not null, \`field\` text null, \`reason\` text null, \`via\` text null);`);
    this.addSql(`create index \`personal_data_read_company_id_at_index\` on \`personal_data_read\` (\`company_id\`, \`at\`);`);
    this.addSql(`create index \`personal_data_read_company_id_unit_id_index\` on \`personal_data_read\` (\`company_id\`, \`unit_id\`);`);
  }

}
