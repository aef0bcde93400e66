/**
 * 「转为其他业务」 in the workflow designer: which case types a case may be converted into, and a
 * first conversion to one of them — the button named 转为<target>, the roles that register this
 * type, the source ending in its first final state, and the target's registration fields filled
 * from the source's fields of the same name or title. Pure, so it is tested on its own.
 */
import { loc } from '../i18n.js';
import type { FieldSchema, FormDeclaration, WorkflowDeclaration } from './admin-types.js';

export type Conversion = NonNullable<WorkflowDeclaration['conversions']>[string];
export interface ConversionTarget { pluginId: string; caseType: string; title: string; form: FormDeclaration | undefined }

/** What a target field may be filled from beyond the source's data fields (core/declarations/check-conversions.ts). */
export const EXTRA_SOURCES = ['person.name', 'person.phone', 'case.serial'] as const;

/** The target's registration fields a conversion may fill (not lists or groups). */
export function targetFields(form: FormDeclaration | undefined): { key: string; label: string; schema: FieldSchema }[] {
  return Object.entries((form?.properties ?? {}) as Record<string, FieldSchema>)
    .filter(([, s]) => s.type !== 'array' && s.type !== 'object')
    .map(([key, s]) => ({ key, label: loc(s['x-label'] as never) || key, schema: s }));
}

/**
 * A first conversion into `target`: `plugin` names the target's plugin when it is one (a company's
 * own types have none to name), fields of the same key or title carried over when their kinds match.
 */
export function newConversion(source: WorkflowDeclaration, sourceFields: { key: string; label: string; schema: FieldSchema }[], target: ConversionTarget, isCompanyBundle: (id: string) => boolean, convertLabel: (title: string) => string): Conversion {
  const finals = Object.entries(source.states).filter(([, s]) => s.final).map(([id]) => id);
  const fields: Record<string, string> = {};
  for (const tf of targetFields(target.form)) {
    const same = sourceFields.find((f) => f.key === tf.key) ?? sourceFields.find((f) => f.label === tf.label);
    if (!same || same.schema.type !== tf.schema.type) continue;
    // an option list must be the same one, or the target would refuse the value
    if (Array.isArray(tf.schema.enum) && JSON.stringify(tf.schema.enum) !== JSON.stringify(same.schema.enum)) continue;
    fields[tf.key] = same.key;
  }
  return {
    label: { 'zh-CN': convertLabel(target.title) },
    ...(isCompanyBundle(target.pluginId) ? {} : { plugin: target.pluginId }),
    roles: [...source.createRoles] as never,
    ...(finals[0] ? { closeAs: finals[0] } : {}),
    ...(Object.keys(fields).length ? { fields } : {}),
  } as Conversion;
}

/** Switches a conversion between ending the source (closeAs) and waiting (waitIn + resumeOn). */
export function withOutcome(conv: Conversion, source: WorkflowDeclaration, outcome: 'close' | 'wait'): Conversion {
  const next = { ...conv } as Conversion & Record<string, unknown>;
  delete next.closeAs;
  delete next.waitIn;
  delete next.resumeOn;
  if (outcome === 'close') {
    const final = Object.entries(source.states).find(([, s]) => s.final)?.[0];
    if (final) next.closeAs = final;
    return next;
  }
  // a waiting state with a transition out of it, else the first state that is not final
  const waiting = Object.entries(source.transitions).find(([, t]) => t.from.some((s) => source.states[s] && !source.states[s]!.final));
  const waitIn = waiting?.[1].from.find((s) => !source.states[s]!.final) ?? Object.entries(source.states).find(([, s]) => !s.final)?.[0];
  if (waitIn) next.waitIn = waitIn;
  const resume = Object.entries(source.transitions).find(([, t]) => waitIn && t.from.includes(waitIn));
  if (resume) next.resumeOn = resume[0];
  return next;
}
