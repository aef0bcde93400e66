/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: schemas/form.schema.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export type Field = {
  [k: string]: unknown;
} & {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  title?: string;
  description?: string;
  'x-label'?: Text;
  'x-help'?: Text;
  'x-enumLabels'?: {
    [k: string]: Text;
  };
  /**
   * The value is the id of a registry record, picked from the registry (unit, person, staff, building)
   */
  'x-ref'?: 'unit' | 'person' | 'staff' | 'building';
  /**
   * Attachments: accepted MIME types
   */
  'x-accept'?: string[];
  'x-maxBytes'?: number;
  /**
   * Kept by the platform for its own bookkeeping (a record id, a counter): stored and validated, never shown to staff on the case page
   */
  'x-internal'?: boolean;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  'x-optionsFrom'?: string;
  /**
   * @minItems 1
   */
  enum?: [unknown, ...unknown[]];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  format?: 'date' | 'time' | 'date-time' | 'email' | 'uri' | 'money' | 'phone' | 'attachment' | 'signature';
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: Field;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: FieldMap;
  required?: Required;
  additionalProperties?: false;
};
export type Required = string[];

/**
 * *.form.json: the data schema of a case or of a transition's form. A closed JSON Schema object that ajv checks on the server and in the browser; x-* keywords carry labels and widget hints.
 */
export interface FormDeclaration {
  title?: string;
  description?: string;
  'x-label': Text;
  type: 'object';
  properties: FieldMap;
  required?: Required;
  additionalProperties: false;
}
/**
 * Text in several languages; zh-CN is required, en is the fallback for English users
 */
export interface Text {
  'zh-CN': string;
  en?: string;
}
export interface FieldMap {
  [k: string]: Field;
}
