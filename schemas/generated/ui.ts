/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: schemas/ui.schema.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

/**
 * A JsonLogic rule (checked against the operator whitelist at load)
 */
export type Rule = {} | unknown[] | string | number | boolean | null;
/**
 * A JsonLogic rule (checked against the operator whitelist at load)
 */
export type Rule1 = {} | unknown[] | string | number | boolean | null;

/**
 * *.ui.json: layout of a form — sections, field order, widgets and conditions (JsonLogic over `data.*`) shared by the browser and the server
 */
export interface UiDeclaration {
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  form: string;
  /**
   * @minItems 1
   */
  sections: [
    {
      /**
       * camelCase identifier used for fields, states, transitions, roles, rules
       */
      id: string;
      title: Text;
      /**
       * @minItems 1
       */
      fields: [string, ...string[]];
      visibleIf?: Rule;
    },
    ...{
      /**
       * camelCase identifier used for fields, states, transitions, roles, rules
       */
      id: string;
      title: Text;
      /**
       * @minItems 1
       */
      fields: [string, ...string[]];
      visibleIf?: Rule;
    }[]
  ];
  fields?: {
    [k: string]: {
      widget?: string;
      placeholder?: Text;
      visibleIf?: Rule;
      requiredIf?: Rule;
      readOnlyIf?: Rule;
      errorIf?: Rule1;
      errorMessage?: Text;
      computed?: Rule;
      /**
       * What the staff app fills in while the field is still empty or untouched (the person may change it): now / today (the time the form opened), actor.name (the staff member filling it in), unit.area / unit.label (the room picked for the case), person.name / person.phone (the resident picked)
       */
      prefill?: 'now' | 'today' | 'actor.name' | 'unit.area' | 'unit.label' | 'person.name' | 'person.phone';
    };
  };
}
/**
 * Text in several languages; zh-CN is required, en is the fallback for English users
 */
export interface Text {
  'zh-CN': string;
  en?: string;
}
