/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: schemas/workflow.schema.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

/**
 * @minItems 1
 */
export type RoleList = [string, ...string[]];
/**
 * A JsonLogic rule (checked against the operator whitelist at load)
 */
export type Rule = {} | unknown[] | string | number | boolean | null;
/**
 * A JsonLogic rule (checked against the operator whitelist at load)
 */
export type Rule1 = {} | unknown[] | string | number | boolean | null;
/**
 * A JsonLogic rule (checked against the operator whitelist at load)
 */
export type Rule2 = {} | unknown[] | string | number | boolean | null;
/**
 * Roles that may convert (the target's createRoles do not apply: the conversion is the registration)
 *
 * @minItems 1
 */
export type RoleList1 = [string, ...string[]];
export type ConversionSource = string;

/**
 * *.workflow.json: one case type — its states, transitions, deadlines, follow-up policy and printable documents. States, transitions and deadlines are maps keyed by id so that a company's configuration can patch one of them (JSON Merge Patch).
 */
export interface WorkflowDeclaration {
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  caseType: string;
  title: Text;
  serialPrefix: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  form: string;
  createRoles: RoleList;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  initialState: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  initialAssignRole?: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  severityField?: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  categoryField?: string;
  /**
   * Data fields the monthly statistics count cases by: categories only — enum fields (or options from settings, x-optionsFrom) and booleans, never free text, numbers or dates
   */
  summaryFields?: string[];
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  titleField?: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  unitField?: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  personField?: string;
  states: {
    [k: string]: State;
  };
  transitions: {
    [k: string]: Transition;
  };
  deadlines?: {
    [k: string]: Deadline;
  };
  followUp?: FollowUpPolicy;
  documents?: {
    [k: string]: {
      title: Text;
      template: string;
      availableIf?: Rule2;
      unavailableMessage?: Text1;
    };
  };
  /**
   * Other case types a case of this type may be converted into (a complaint that is really a consultation, a work order handed to the repair procedure), keyed by the target case type. POST /api/cases/<type>/<id>/convert creates the target in the same project, unit and resident, links the two cases both ways and either closes the source in a final state (closeAs) or parks it in a waiting state (waitIn) until the target reaches a final state, when the platform takes the source's resumeOn transition
   */
  conversions?: {
    [k: string]: Conversion;
  };
}
/**
 * Text in several languages; zh-CN is required, en is the fallback for English users
 */
export interface Text {
  'zh-CN': string;
  en?: string;
}
export interface State {
  title: Text;
  final?: boolean;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  assignRole?: string;
}
export interface Transition {
  title: Text;
  /**
   * @minItems 1
   */
  from: [string, ...string[]];
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  to: string;
  /**
   * Conditional targets, first match wins; `to` is the fallback
   *
   * @maxItems 20
   */
  branches?:
    | []
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ]
    | [
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        },
        {
          when: Rule;
          /**
           * camelCase identifier used for fields, states, transitions, roles, rules
           */
          to: string;
        }
      ];
  roles: RoleList;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  form?: string;
  guard?: Rule;
  guardMessage?: Text;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  guardField?: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  resultField?: string;
  /**
   * Taken only by the platform (e.g. by a follow-up result), never offered to staff
   */
  system?: boolean;
  /**
   * @maxItems 20
   */
  effects?:
    | []
    | [Effect]
    | [Effect, Effect]
    | [Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect, Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect]
    | [Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect, Effect]
    | [
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect
      ]
    | [
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect
      ]
    | [
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect
      ]
    | [
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect
      ]
    | [
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect
      ]
    | [
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect,
        Effect
      ];
}
export interface Effect {
  type: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  field?: string;
  value?: Rule;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  rule?: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  role?: string;
  to?: 'actor' | 'role';
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  staffField?: string;
  /**
   * The effect's parameters (a plugin effect's own; for appendRow see appendRowParams)
   */
  params?: {};
  /**
   * set: replace a value staff already entered (default: only fill an empty field)
   */
  overwrite?: boolean;
  when?: Rule1;
}
/**
 * A clock: starts when the case enters one of startOn (or on creation), stops when it enters one of stopOn
 */
export interface Deadline {
  title: Text;
  /**
   * @minItems 1
   */
  startOn: [string, ...string[]];
  /**
   * @minItems 1
   */
  stopOn: [string, ...string[]];
  /**
   * States in which the clock pauses (waiting on the resident or a third party); on leaving them the due time moves by the time spent paused
   */
  pauseOn?: string[];
  duration: Duration;
  /**
   * Duration per value of the severity field (or categoryField); others use duration
   */
  bySeverity?: {
    [k: string]: Duration;
  };
  /**
   * Values of the severity field (or categoryField) this clock applies to; others never start it
   */
  onlyFor?: string[];
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  escalateTo?: string;
  /**
   * What the platform does when the clock expires, instead of escalating: take this transition (as the platform, once, by the overdue job; e.g. a loan not returned in time becomes 逾期). It must leave every startOn state; a case that has moved to a state it does not leave is escalated as usual
   */
  onExpiry?: {
    /**
     * camelCase identifier used for fields, states, transitions, roles, rules
     */
    transition: string;
  };
}
/**
 * An amount of minutes, hours, calendar days or working days; or, with unit dayOfNextMonth, a day (1–31, clamped to the month's last day) of the month after the start: due at the end of that day in the company's time zone
 */
export interface Duration {
  amount: number;
  unit: 'minutes' | 'hours' | 'days' | 'workingDays' | 'dayOfNextMonth';
}
export interface FollowUpPolicy {
  deadline: Duration;
  /**
   * Follow-up deadline by the value of another field of the case (e.g. a repair's scope: 维修工程 within a month, 零星维修 within 3 days); wins over deadlineBySeverity for the values it lists
   */
  deadlineByField?: {
    /**
     * camelCase identifier used for fields, states, transitions, roles, rules
     */
    field: string;
    values: {
      [k: string]: Duration;
    };
  };
  /**
   * Follow-up deadline per value of the severity field or categoryField (e.g. a repair's category: leaks 3 days after the leak test, safety facilities 2 days); others use deadline
   */
  deadlineBySeverity?: {
    [k: string]: Duration;
  };
  method: 'phone' | 'onSite' | 'any';
  methodBySeverity?: {
    [k: string]: 'phone' | 'onSite' | 'any';
  };
  requiredRate: number;
  roles: RoleList;
  rolesBySeverity?: {
    [k: string]: RoleList;
  };
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  form: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  satisfiedField: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  onSatisfied: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  onUnsatisfied: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  methodField?: string;
}
/**
 * Text in several languages; zh-CN is required, en is the fallback for English users
 */
export interface Text1 {
  'zh-CN': string;
  en?: string;
}
/**
 * One conversion target. Exactly one of closeAs (the source ends: e.g. 已转为咨询) and waitIn + resumeOn (the source waits for the target and resumes when it ends)
 */
export interface Conversion {
  label: Text2;
  /**
   * The plugin declaring the target case type when it is not this plugin or one it depends on: the conversion is offered only while that plugin is loaded and enabled
   */
  plugin?: string;
  /**
   * States of the source the conversion may be taken from (default: every state that is not final)
   *
   * @minItems 1
   */
  from?: [string, ...string[]];
  roles: RoleList1;
  /**
   * The target's registration form prefilled from the source: target field → source field ("content"), a path ("data.x", "case.serial", "person.name", "person.phone"), or { from, map } translating codes (channel codes differ between procedures) or { value } a constant
   */
  fields?: {
    [k: string]:
      | ConversionSource
      | {
          from: ConversionSource;
          map?: {
            [k: string]: string | number | boolean;
          };
        }
      | {
          value: string | number | boolean;
        };
  };
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  closeAs?: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  waitIn?: string;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  resumeOn?: string;
}
/**
 * Text in several languages; zh-CN is required, en is the fallback for English users
 */
export interface Text2 {
  'zh-CN': string;
  en?: string;
}
