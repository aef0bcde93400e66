import { Migration } from '@mikro-orm/migrations';

/** Global search: person.phone_key (the phone's digits reversed) with its index, units by room number, a resident's cases. */
export class Migration20261206145356 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "person" add column "phone_key" varchar(32) null;`);
    // the existing people's keys, as core/search/phone-key.ts derives them: digits only, reversed
    this.addSql(`update "person" set "phone_key" = nullif(reverse(regexp_replace("phone", '[^0-9]', '', 'g')), '') where "phone" is not null;`);
    this.addSql(`create index "person_company_id_phone_key_index" on "person" ("company_id", "phone_key");`);

    this.addSql(`create index "unit_company_id_number_index" on "unit" ("company_id", "number");`);

    this.addSql(`create index "work_case_company_id_person_id_id_index" on "work_case" ("company_id", "person_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "person_company_id_phone_key_index";`);
    this.addSql(`alter table "person" drop column "phone_key";`);

    this.addSql(`drop index "unit_company_id_number_index";`);

    this.addSql(`drop index "work_case_company_id_person_id_id_index";`);
  }

}
