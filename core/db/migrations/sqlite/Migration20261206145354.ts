import { Migration } from '@mikro-orm/migrations';
import { personPhoneKey } from '../../../search/phone-key.js';

/** Global search: person.phone_key (the phone's digits reversed) with its index, units by room number, a resident's cases. */
export class Migration20261206145354 extends Migration {

  override async up(): Promise<void> {
    await this.execute(`alter table \`person\` add column \`phone_key\` text null;`);
    // SQLite has no reverse(): the existing people's keys are derived here, as the entity's hooks derive new ones
    const people = await this.execute(`select \`id\`, \`phone\` from \`person\` where \`phone\` is not null`) as { id: number; phone: string }[];
    for (const p of people) {
      const key = personPhoneKey(p.phone);
      if (key) this.addSql(`update \`person\` set \`phone_key\` = '${key}' where \`id\` = ${Number(p.id)};`);
    }
    this.addSql(`create index \`person_company_id_phone_key_index\` on \`person\` (\`company_id\`, \`phone_key\`);`);

    this.addSql(`create index \`unit_company_id_number_index\` on \`unit\` (\`company_id\`, \`number\`);`);

    this.addSql(`create index \`work_case_company_id_person_id_id_index\` on \`work_case\` (\`company_id\`, \`person_id\`, \`id\`);`);
  }

}
