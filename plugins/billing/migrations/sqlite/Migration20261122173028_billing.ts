import { Migration } from '@mikro-orm/migrations';

export class Migration20261122173028_billing extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`billing_bill\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer not null, \`unit_id\` integer not null, \`number\` text not null, \`period_key\` text not null, \`period_start\` text not null, \`period_end\` text not null, \`notice_on\` text not null, \`due_on\` text not null, \`reminder_on\` text not null, \`reminder_due_on\` text not null, \`final_notice_on\` text not null, \`final_due_on\` text not null, \`principal_fen\` bigint not null, \`late_fee_fen\` bigint not null, \`late_fee_through\` text null, \`paid_fen\` bigint not null, \`principal_paid_fen\` bigint not null, \`status\` text not null, \`config_version_id\` integer not null, \`run_id\` integer null, \`created_at\` datetime not null, \`paid_at\` datetime null);`);
    this.addSql(`create index \`billing_bill_company_id_status_due_on_index\` on \`billing_bill\` (\`company_id\`, \`status\`, \`due_on\`);`);
    this.addSql(`create index \`billing_bill_company_id_project_id_period_key_id_index\` on \`billing_bill\` (\`company_id\`, \`project_id\`, \`period_key\`, \`id\`);`);
    this.addSql(`create index \`billing_bill_run_id_index\` on \`billing_bill\` (\`run_id\`);`);
    this.addSql(`create unique index \`billing_bill_company_id_unit_id_period_key_unique\` on \`billing_bill\` (\`company_id\`, \`unit_id\`, \`period_key\`);`);
    this.addSql(`create unique index \`billing_bill_company_id_number_unique\` on \`billing_bill\` (\`company_id\`, \`number\`);`);

    this.addSql(`create table \`billing_run\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer null, \`period_key\` text not null, \`status\` text not null, \`config_version_id\` integer not null, \`units_total\` integer not null, \`bills_created\` integer not null, \`started_at\` datetime not null, \`finished_at\` datetime null);`);
    this.addSql(`create index \`billing_run_company_id_period_key_index\` on \`billing_run\` (\`company_id\`, \`period_key\`);`);

    this.addSql(`create table \`billing_bill_line\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`bill_id\` integer not null, \`fee_code\` text not null, \`kind\` text not null, \`description\` text not null, \`quantity\` text not null, \`unit_price\` text not null, \`factor\` text not null, \`amount_fen\` bigint not null, \`rate_from\` text null, \`source\` text null, \`charge_id\` integer null);`);
    this.addSql(`create index \`billing_bill_line_bill_id_index\` on \`billing_bill_line\` (\`bill_id\`);`);

    this.addSql(`create table \`billing_cash_closing\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`cashier_id\` integer not null, \`business_date\` text not null, \`expected_cash_fen\` bigint not null, \`counted_cash_fen\` bigint not null, \`difference_fen\` bigint not null, \`totals\` json not null, \`note\` text null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`billing_cash_closing_company_id_cashier_id_business_date_unique\` on \`billing_cash_closing\` (\`company_id\`, \`cashier_id\`, \`business_date\`);`);

    this.addSql(`create table \`billing_charge\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer not null, \`unit_id\` integer not null, \`source_plugin\` text not null, \`source_ref\` text not null, \`description\` text not null, \`amount_fen\` bigint not null, \`occurred_at\` datetime not null, \`bill_id\` integer null, \`case_id\` integer null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`billing_charge_company_id_unit_id_bill_id_index\` on \`billing_charge\` (\`company_id\`, \`unit_id\`, \`bill_id\`);`);
    this.addSql(`create unique index \`billing_charge_company_id_source_plugin_source_ref_unique\` on \`billing_charge\` (\`company_id\`, \`source_plugin\`, \`source_ref\`);`);

    this.addSql(`create table \`billing_deposit\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer not null, \`unit_id\` integer not null, \`purpose\` text not null, \`source_plugin\` text null, \`source_ref\` text null, \`held_fen\` bigint not null, \`status\` text not null, \`refund_requested_by\` integer null, \`refund_approved_by\` integer null, \`version\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`billing_deposit_company_id_unit_id_index\` on \`billing_deposit\` (\`company_id\`, \`unit_id\`);`);

    this.addSql(`create table \`billing_dunning_step\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`unit_id\` integer not null, \`step\` text not null, \`note\` text not null, \`outcome\` text null, \`actor_id\` integer not null, \`recorded_at\` datetime not null);`);
    this.addSql(`create index \`billing_dunning_step_company_id_unit_id_id_index\` on \`billing_dunning_step\` (\`company_id\`, \`unit_id\`, \`id\`);`);

    this.addSql(`create table \`billing_ledger_entry\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer not null, \`unit_id\` integer not null, \`account\` text not null, \`kind\` text not null, \`amount_fen\` bigint not null, \`bill_id\` integer null, \`payment_id\` integer null, \`deposit_id\` integer null, \`description\` text not null, \`actor_id\` integer null, \`occurred_at\` datetime not null);`);
    this.addSql(`create index \`billing_ledger_entry_company_id_unit_id_id_index\` on \`billing_ledger_entry\` (\`company_id\`, \`unit_id\`, \`id\`);`);
    this.addSql(`create index \`billing_ledger_entry_bill_id_index\` on \`billing_ledger_entry\` (\`bill_id\`);`);

    this.addSql(`create table \`billing_meter_reading\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`unit_id\` integer not null, \`meter\` text not null, \`reading\` text not null, \`read_on\` text not null, \`source\` text null, \`billed_bill_id\` integer null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`billing_meter_reading_company_id_unit_id_meter_read_on_index\` on \`billing_meter_reading\` (\`company_id\`, \`unit_id\`, \`meter\`, \`read_on\`);`);

    this.addSql(`create table \`billing_notice\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`bill_id\` integer not null, \`unit_id\` integer not null, \`kind\` text not null, \`issued_on\` text not null, \`due_on\` text not null, \`amount_fen\` bigint not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`billing_notice_company_id_issued_on_index\` on \`billing_notice\` (\`company_id\`, \`issued_on\`);`);
    this.addSql(`create unique index \`billing_notice_bill_id_kind_unique\` on \`billing_notice\` (\`bill_id\`, \`kind\`);`);

    this.addSql(`create table \`billing_payment\` (\`id\` integer not null primary key autoincrement, \`company_id\` integer not null, \`project_id\` integer not null, \`unit_id\` integer not null, \`receipt_no\` text not null, \`method\` text not null, \`amount_fen\` bigint not null, \`reference\` text null, \`payer_name\` text null, \`received_at\` datetime not null, \`cashier_id\` integer not null, \`allocations\` json not null, \`credit_fen\` bigint not null, \`closing_id\` integer null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`billing_payment_company_id_unit_id_id_index\` on \`billing_payment\` (\`company_id\`, \`unit_id\`, \`id\`);`);
    this.addSql(`create index \`billing_payment_company_id_cashier_id_received_at_index\` on \`billing_payment\` (\`company_id\`, \`cashier_id\`, \`received_at\`);`);
    this.addSql(`create unique index \`billing_payment_company_id_receipt_no_unique\` on \`billing_payment\` (\`company_id\`, \`receipt_no\`);`);
    this.addSql(`create unique index \`billing_payment_company_id_method_reference_unique\` on \`billing_payment\` (\`company_id\`, \`method\`, \`reference\`);`);
  }

}
