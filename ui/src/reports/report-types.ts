/**
 * The shapes of GET /api/reports/monthly and /api/reports/follow-ups, as the server builds them
 * (core/reports/monthly-report.ts, through core/http/api-types.ts): types only, nothing of the
 * server is bundled.
 */
import type { DeadlineFigures, FollowUpFigures } from '../../../core/http/api-types.js';

export type {
  Bucket, CaseTypeReport, FollowUpFigures, FollowUpRates, MonthlyReport,
  FieldBreakdown as Breakdown, ReportText as Text,
} from '../../../core/http/api-types.js';
type ServerPolicy = FollowUpFigures['policy'];
/** the report's policy; the follow-ups page also builds one from the declarations, without the value field's labels */
export type FollowUpPolicy = Omit<ServerPolicy, 'valueField'> & { valueField?: ServerPolicy['valueField'] };
export type ClockFigures = DeadlineFigures['clocks'][number];
