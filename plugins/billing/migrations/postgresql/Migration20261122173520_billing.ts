import { Migration } from '@mikro-orm/migrations';

export class Migration20261122173520_billing extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "billing_bill_company_id_notice_on_index" on "billing_bill" ("company_id", "notice_on");`);
    this.addSql(`create index "billing_bill_company_id_status_unit_id_period_start_index" on "billing_bill" ("company_id", "status", "unit_id", "period_start");`);

    this.addSql(`create index "billing_deposit_company_id_status_id_index" on "billing_deposit" ("company_id", "status", "id");`);

    this.addSql(`alter table "billing_ledger_entry" add column "method" varchar(16) null;`);
    this.addSql(`create index "billing_ledger_entry_company_id_account_unit_id_index" on "billing_ledger_entry" ("company_id", "account", "unit_id");`);
    this.addSql(`create index "billing_ledger_entry_company_id_actor_id_occurred_at_index" on "billing_ledger_entry" ("company_id", "actor_id", "occurred_at");`);

    this.addSql(`create index "billing_payment_company_id_received_at_id_index" on "billing_payment" ("company_id", "received_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "billing_bill_company_id_notice_on_index";`);
    this.addSql(`drop index "billing_bill_company_id_status_unit_id_period_start_index";`);

    this.addSql(`drop index "billing_deposit_company_id_status_id_index";`);

    this.addSql(`drop index "billing_ledger_entry_company_id_account_unit_id_index";`);
    this.addSql(`drop index "billing_ledger_entry_company_id_actor_id_occurred_at_index";`);
    this.addSql(`alter table "billing_ledger_entry" drop column "method";`);

    this.addSql(`drop index "billing_payment_company_id_received_at_id_index";`);
  }

}
