/**
 * 添加回访要求 for a company's own case type: what a follow-up (回访) policy needs besides its
 * figures, made from three answers so the admin never writes an id — the step after which the
 * resident is called back (it gets the 安排回访 step), where a satisfied and where an unsatisfied
 * follow-up takes the case. It adds a follow-up record form (回访方式, 住户满意, 住户意见), the two
 * system steps the follow-up takes (roles: the follow-up roles) and the policy itself with the
 * manuals' usual figures (by phone within 3 days, every case, by the step's own roles), which the
 * follow-up card then edits. Removing it takes away exactly what adding it made.
 */
import type { FollowUpDecl, FormDeclaration, Text, TransitionDecl, UiDeclaration, WorkflowDeclaration } from './admin-types.js';
import { freshId } from './generated-ids.js';
import { newFieldKey } from './field-kinds.js';

export interface FollowUpAnswers {
  /** the step after which the follow-up is due; the follow-up waits in its target state */
  after: string;
  /** state a satisfied follow-up takes the case to */
  satisfiedTo: string;
  /** state an unsatisfied follow-up takes the case back to */
  unsatisfiedTo: string;
}

/** Message keys (designer.*.json) per answer. */
export type FollowUpErrors = Partial<Record<keyof FollowUpAnswers, string>>;

export interface AddedFollowUp {
  workflow: WorkflowDeclaration;
  formName: string;
  form: FormDeclaration;
  ui: UiDeclaration;
}

/** Steps a follow-up may follow: any that leads to a state that is not final (the follow-up waits there). */
export function followableSteps(wf: WorkflowDeclaration): [string, TransitionDecl][] {
  return Object.entries(wf.transitions).filter(([, t]) => !t.system && !wf.states[t.to]?.final);
}

/** A sensible first answer: the last followable step, closing on the first final state, back to where that step started. */
export function suggestAnswers(wf: WorkflowDeclaration): FollowUpAnswers {
  const steps = followableSteps(wf);
  const [after, t] = steps[steps.length - 1] ?? ['', undefined];
  const finalState = Object.entries(wf.states).find(([, s]) => s.final)?.[0] ?? '';
  return { after, satisfiedTo: finalState, unsatisfiedTo: t?.from[0] ?? '' };
}

export function checkAnswers(wf: WorkflowDeclaration, a: FollowUpAnswers): FollowUpErrors {
  const errors: FollowUpErrors = {};
  const t = wf.transitions[a.after];
  if (!t || !followableSteps(wf).some(([id]) => id === a.after)) errors.after = 'fu_afterRequired';
  if (!wf.states[a.satisfiedTo]) errors.satisfiedTo = 'fu_stateRequired';
  if (!wf.states[a.unsatisfiedTo]) errors.unsatisfiedTo = 'fu_stateRequired';
  else if (t && a.unsatisfiedTo === t.to) errors.unsatisfiedTo = 'fu_unsatisfiedSame';
  return errors;
}

/**
 * The workflow with the policy, its two system steps and the 安排回访 step, and the new form.
 * `formNames`: every form and layout name of the type; `fieldKeys`: every field key of its forms
 * (a key is unique across a type's forms: the case's data holds them side by side).
 */
export function addFollowUp(wf: WorkflowDeclaration, a: FollowUpAnswers, formNames: Iterable<string>, fieldKeys: Iterable<string>): AddedFollowUp {
  const taken = new Set(fieldKeys);
  const key = (wanted: string) => { const k = newFieldKey(wanted, taken); taken.add(k); return k; };
  const method = key('followUpMethod');
  const satisfied = key('satisfied');
  const opinion = key('residentOpinion');
  const formName = freshId('followUp', formNames);
  const label: Text = { 'zh-CN': '回访记录' };
  const form = {
    type: 'object', 'x-label': label, additionalProperties: false, required: [method],
    properties: {
      [method]: { type: 'string', enum: ['phone', 'onSite'], 'x-label': { 'zh-CN': '回访方式' }, 'x-enumLabels': { phone: { 'zh-CN': '电话回访' }, onSite: { 'zh-CN': '上门回访' } } },
      [satisfied]: { type: 'boolean', 'x-label': { 'zh-CN': '住户满意' }, 'x-help': { 'zh-CN': '不满意时退回重新办理，办理后再次回访。' } },
      [opinion]: { type: 'string', maxLength: 1000, 'x-label': { 'zh-CN': '住户意见' } },
    },
  } as unknown as FormDeclaration;
  const ui = { form: formName, sections: [{ id: 'main', title: label, fields: [method, satisfied, opinion] }] } as unknown as UiDeclaration;

  const after = wf.transitions[a.after]!;
  const roles = [...after.roles] as TransitionDecl['roles'];
  const stepIds = Object.keys(wf.transitions);
  const onSatisfied = freshId('transition', stepIds);
  const onUnsatisfied = freshId('transition', [...stepIds, onSatisfied]);
  const waitIn = after.to;
  const policy: FollowUpDecl = {
    deadline: { amount: 3, unit: 'days' }, method: 'phone', requiredRate: 1, roles,
    form: formName, satisfiedField: satisfied, methodField: method, onSatisfied, onUnsatisfied,
  } as FollowUpDecl;
  const transitions: Record<string, TransitionDecl> = {
    ...wf.transitions,
    [a.after]: { ...after, effects: [...(after.effects ?? []).filter((e) => e.type !== 'followUp'), { type: 'followUp' }] } as TransitionDecl,
    [onSatisfied]: { title: { 'zh-CN': '回访满意' }, from: [waitIn], to: a.satisfiedTo, roles, system: true } as TransitionDecl,
    [onUnsatisfied]: { title: { 'zh-CN': '回访不满意' }, from: [waitIn], to: a.unsatisfiedTo, roles, system: true } as TransitionDecl,
  };
  return { workflow: { ...wf, transitions, followUp: policy }, formName, form, ui };
}

/**
 * The workflow without its policy: the follow-up's two system steps and every 安排回访 step go;
 * returns the form the policy used, for the caller to drop when no step uses it.
 */
export function removeFollowUp(wf: WorkflowDeclaration): { workflow: WorkflowDeclaration; formName: string | null } {
  const f = wf.followUp;
  if (!f) return { workflow: wf, formName: null };
  const transitions: Record<string, TransitionDecl> = {};
  for (const [id, t] of Object.entries(wf.transitions)) {
    if (id === f.onSatisfied || id === f.onUnsatisfied) continue;
    const effects = (t.effects ?? []).filter((e) => e.type !== 'followUp');
    const rest = { ...t } as TransitionDecl;
    if (effects.length) rest.effects = effects as TransitionDecl['effects']; else delete rest.effects;
    transitions[id] = rest;
  }
  const { followUp: _gone, ...rest } = wf;
  const stillUsed = wf.form === f.form || Object.values(transitions).some((t) => t.form === f.form);
  return { workflow: { ...rest, transitions } as WorkflowDeclaration, formName: stillUsed ? null : f.form };
}
