/** The deadline clocks on their own: which start and stop, when they are due, pause and resume, escalation. */
import { describe, expect, it } from 'vitest';
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import { WorkingCalendar } from '../calendar/index.js';
import { clocksStartingOn, clocksStoppingOn, durationFor, escalationTarget, pauseChange, resumedDue } from './clocks.js';

const workflow = {
  states: { registered: {}, handling: {}, waitingParts: {}, closed: { final: true } },
  deadlines: {
    response: { startOn: ['registered'], stopOn: ['handling'], duration: { amount: 2, unit: 'hours' }, bySeverity: { high: { amount: 30, unit: 'minutes' } } },
    repair: { startOn: ['handling'], stopOn: ['closed'], pauseOn: ['waitingParts'], duration: { amount: 2, unit: 'workingDays' }, escalateTo: 'manager' },
    urgentCall: { startOn: ['registered'], stopOn: ['handling'], onlyFor: ['high'], duration: { amount: 10, unit: 'minutes' } },
  },
} as unknown as WorkflowDeclaration; // a fixture: only the deadline fields the clocks read

const calendar = new WorkingCalendar({ timezone: 'Asia/Shanghai' });

describe('deadline clocks', () => {
  it('start on entering a state, due after the severity\'s duration', () => {
    const at = new Date('2026-12-07T01:00:00Z'); // Monday 09:00 in Shanghai
    const normal = clocksStartingOn(workflow, 'registered', 'low', at, calendar);
    expect(normal.map((c) => [c.key, c.dueAt.toISOString()])).toEqual([['response', '2026-12-07T03:00:00.000Z']]);
    const high = clocksStartingOn(workflow, 'registered', 'high', at, calendar);
    expect(high.map((c) => [c.key, c.dueAt.toISOString()])).toEqual([['response', '2026-12-07T01:30:00.000Z'], ['urgentCall', '2026-12-07T01:10:00.000Z']]);
    expect(durationFor(workflow.deadlines!.response!, null)).toEqual({ amount: 2, unit: 'hours' });
  });

  it('count working days on the company calendar (a Friday start skips the weekend)', () => {
    const friday = new Date('2026-12-11T02:00:00Z');
    const [repair] = clocksStartingOn(workflow, 'handling', null, friday, calendar);
    expect(calendar.localDate(repair!.dueAt)).toBe('2026-12-15');
  });

  it('stop on the declared states, and every clock stops in a final state', () => {
    expect([...(clocksStoppingOn(workflow, 'handling') as Set<string>)].sort()).toEqual(['response', 'urgentCall']);
    expect(clocksStoppingOn(workflow, 'closed')).toBe('all');
    expect((clocksStoppingOn(workflow, 'registered') as Set<string>).size).toBe(0);
  });

  it('pause in a pauseOn state, resume elsewhere, and move the due time on by the pause', () => {
    expect(pauseChange(workflow, 'repair', 'running', 'waitingParts')).toBe('pause');
    expect(pauseChange(workflow, 'repair', 'paused', 'handling')).toBe('resume');
    expect(pauseChange(workflow, 'repair', 'overdue', 'waitingParts')).toBeNull();
    expect(pauseChange(workflow, 'response', 'running', 'waitingParts')).toBeNull();
    const due = new Date('2026-12-08T10:00:00Z');
    expect(resumedDue(due, new Date('2026-12-07T10:00:00Z'), new Date('2026-12-07T13:00:00Z')).toISOString()).toBe('2026-12-08T13:00:00.000Z');
    expect(resumedDue(due, new Date('2026-12-07T13:00:00Z'), new Date('2026-12-07T10:00:00Z'))).toEqual(due);
  });

  it('escalate to the declared role, else the next role up, else stay', () => {
    const up = (role: string | null | undefined) => (role === 'service' ? 'manager' : undefined);
    expect(escalationTarget(workflow, 'repair', up, 'engineering')).toBe('manager');
    expect(escalationTarget(workflow, 'response', up, 'service')).toBe('manager');
    expect(escalationTarget(workflow, 'response', up, 'director')).toBe('director');
  });
});
