import { Migration } from '@mikro-orm/migrations';

export class Migration20261122173028_billing extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "billing_bill" ("id" serial primary key, "company_id" int not null, "project_id" int not null, "unit_id" int not null, "number" varchar(40) not null, "period_key" varchar(16) not null, "period_start" varchar(10) not null, "period_end" varchar(10) not null, "notice_on" varchar(10) not null, "due_on" varchar(10) not null, "reminder_on" varchar(10) not null, "reminder_due_on" varchar(10) not null, "final_notice_on" varchar(10) not null, "final_due_on" varchar(10) not null, "principal_fen" bigint not null, "late_fee_fen" bigint not null, "late_fee_through" varchar(10) null, "paid_fen" bigint not null, "principal_paid_fen" bigint not null, "status" varchar(16) not null, "config_version_id" int not null, "run_id" int null, "created_at" timestamptz not null, "paid_at" timestamptz null);`);
    this.addSql(`create index "billing_bill_company_id_status_due_on_index" on "billing_bill" ("company_id", "status", "due_on");`);
    this.addSql(`create index "billing_bill_company_id_project_id_period_key_id_index" on "billing_bill" ("company_id", "project_id", "period_key", "id");`);
    this.addSql(`create index "billing_bill_run_id_index" on "billing_bill" ("run_id");`);
    this.addSql(`alter table "billing_bill" add constraint "billing_bill_company_id_unit_id_period_key_unique" unique ("company_id", "unit_id", "period_key");`);
    this.addSql(`alter table "billing_bill" add constraint "billing_bill_company_id_number_unique" unique ("company_id", "number");`);

    this.addSql(`create table "billing_run" ("id" serial primary key, "company_id" int not null, "project_id" int null, "period_key" varchar(16) not null, "status" varchar(16) not null, "config_version_id" int not null, "units_total" int not null, "bills_created" int not null, "started_at" timestamptz not null, "finished_at" timestamptz null);`);
    this.addSql(`create index "billing_run_company_id_period_key_index" on "billing_run" ("company_id", "period_key");`);

    this.addSql(`create table "billing_bill_line" ("id" serial primary key, "company_id" int not null, "bill_id" int not null, "fee_code" varchar(64) not null, "kind" varchar(16) not null, "description" varchar(200) not null, "quantity" varchar(32) not null, "unit_price" varchar(32) not null, "factor" varchar(16) not null, "amount_fen" bigint not null, "rate_from" varchar(10) null, "source" varchar(200) null, "charge_id" int null);`);
    this.addSql(`create index "billing_bill_line_bill_id_index" on "billing_bill_line" ("bill_id");`);

    this.addSql(`create table "billing_cash_closing" ("id" serial primary key, "company_id" int not null, "cashier_id" int not null, "business_date" varchar(10) not null, "expected_cash_fen" bigint not null, "counted_cash_fen" bigint not null, "difference_fen" bigint not null, "totals" jsonb not null, "note" varchar(500) null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "billing_cash_closing" add constraint "billing_cash_closing_company_id_cashier_id_business_date_unique" unique ("company_id", "cashier_id", "business_date");`);

    this.addSql(`create table "billing_charge" ("id" serial primary key, "company_id" int not null, "project_id" int not null, "unit_id" int not null, "source_plugin" varchar(64) not null, "source_ref" varchar(64) not null, "description" varchar(200) not null, "amount_fen" bigint not null, "occurred_at" timestamptz not null, "bill_id" int null, "case_id" int null, "created_at" timestamptz not null);`);
    this.addSql(`create index "billing_charge_company_id_unit_id_bill_id_index" on "billing_charge" ("company_id", "unit_id", "bill_id");`);
    this.addSql(`alter table "billing_charge" add constraint "billing_charge_company_id_source_plugin_source_ref_unique" unique ("company_id", "source_plugin", "source_ref");`);

    this.addSql(`create table "billing_deposit" ("id" serial primary key, "company_id" int not null, "project_id" int not null, "unit_id" int not null, "purpose" varchar(64) not null, "source_plugin" varchar(64) null, "source_ref" varchar(64) null, "held_fen" bigint not null, "status" varchar(24) not null, "refund_requested_by" int null, "refund_approved_by" int null, "version" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "billing_deposit_company_id_unit_id_index" on "billing_deposit" ("company_id", "unit_id");`);

    this.addSql(`create table "billing_dunning_step" ("id" serial primary key, "company_id" int not null, "unit_id" int not null, "step" varchar(32) not null, "note" varchar(500) not null, "outcome" varchar(200) null, "actor_id" int not null, "recorded_at" timestamptz not null);`);
    this.addSql(`create index "billing_dunning_step_company_id_unit_id_id_index" on "billing_dunning_step" ("company_id", "unit_id", "id");`);

    this.addSql(`create table "billing_ledger_entry" ("id" serial primary key, "company_id" int not null, "project_id" int not null, "unit_id" int not null, "account" varchar(16) not null, "kind" varchar(24) not null, "amount_fen" bigint not null, "bill_id" int null, "payment_id" int null, "deposit_id" int null, "description" varchar(200) not null, "actor_id" int null, "occurred_at" timestamptz not null);`);
    this.addSql(`create index "billing_ledger_entry_company_id_unit_id_id_index" on "billing_ledger_entry" ("company_id", "unit_id", "id");`);
    this.addSql(`create index "billing_ledger_entry_bill_id_index" on "billing_ledger_entry" ("bill_id");`);

    this.addSql(`create table "billing_meter_reading" ("id" serial primary key, "company_id" int not null, "unit_id" int not null, "meter" varchar(32) not null, "reading" varchar(32) not null, "read_on" varchar(10) not null, "source" varchar(100) null, "billed_bill_id" int null, "created_at" timestamptz not null);`);
    this.addSql(`create index "billing_meter_reading_company_id_unit_id_meter_read_on_index" on "billing_meter_reading" ("company_id", "unit_id", "meter", "read_on");`);

    this.addSql(`create table "billing_notice" ("id" serial primary key, "company_id" int not null, "bill_id" int not null, "unit_id" int not null, "kind" varchar(16) not null, "issued_on" varchar(10) not null, "due_on" varchar(10) not null, "amount_fen" bigint not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "billing_notice_company_id_issued_on_index" on "billing_notice" ("company_id", "issued_on");`);
    this.addSql(`alter table "billing_notice" add constraint "billing_notice_bill_id_kind_unique" unique ("bill_id", "kind");`);

    this.addSql(`create table "billing_payment" ("id" serial primary key, "company_id" int not null, "project_id" int not null, "unit_id" int not null, "receipt_no" varchar(40) not null, "method" varchar(16) not null, "amount_fen" bigint not null, "reference" varchar(64) null, "payer_name" varchar(100) null, "received_at" timestamptz not null, "cashier_id" int not null, "allocations" jsonb not null, "credit_fen" bigint not null, "closing_id" int null, "created_at" timestamptz not null);`);
    this.addSql(`create index "billing_payment_company_id_unit_id_id_index" on "billing_payment" ("company_id", "unit_id", "id");`);
    this.addSql(`create index "billing_payment_company_id_cashier_id_received_at_index" on "billing_payment" ("company_id", "cashier_id", "received_at");`);
    this.addSql(`alter table "billing_payment" add constraint "billing_payment_company_id_receipt_no_unique" unique ("company_id", "receipt_no");`);
    this.addSql(`alter table "billing_payment" add constraint "billing_payment_company_id_method_reference_unique" unique ("company_id", "method", "reference");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing_bill" cascade;`);

    this.addSql(`drop table if exists "billing_run" cascade;`);

    this.addSql(`drop table if exists "billing_bill_line" cascade;`);

    this.addSql(`drop table if exists "billing_cash_closing" cascade;`);

    this.addSql(`drop table if exists "billing_charge" cascade;`);

    this.addSql(`drop table if exists "billing_deposit" cascade;`);

    this.addSql(`drop table if exists "billing_dunning_step" cascade;`);

    this.addSql(`drop table if exists "billing_ledger_entry" cascade;`);

    this.addSql(`drop table if exists "billing_meter_reading" cascade;`);

    this.addSql(`drop table if exists "billing_notice" cascade;`);

    this.addSql(`drop table if exists "billing_payment" cascade;`);
  }

}
