import { Migration } from '@mikro-orm/migrations';

export class Migration20261206182759 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index \`case_deadline_status_due_at_index\`;`);

    this.addSql(`create index case_deadline_running_due_index on case_deadline (due_at) where status = 'running';`);
    this.addSql(`create index \`case_deadline_company_id_due_at_index\` on \`case_deadline\` (\`company_id\`, \`due_at\`);`);
    this.addSql(`create index case_deadline_escalated_index on case_deadline (company_id, overdue_at) where escalated_to_role is not null;`);

    this.addSql(`create index follow_up_done_index on follow_up (company_id, done_at) where status = 'done';`);

    this.addSql(`drop index \`work_case_company_id_assignee_role_next_due_at_index\`;`);
    this.addSql(`drop index \`work_case_company_id_assignee_id_next_due_at_index\`;`);

    this.addSql(`create index work_case_open_assignee_index on work_case (company_id, assignee_id, next_due_at) where closed_at is null;`);
    this.addSql(`create index work_case_open_role_index on work_case (company_id, assignee_role, next_due_at) where closed_at is null;`);
    this.addSql(`create index work_case_open_registrar_index on work_case (company_id, created_by) where closed_at is null;`);
  }

}
