/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: schemas/rules.schema.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

/**
 * A JsonLogic rule (checked against the operator whitelist at load)
 */
export type Rule = {} | unknown[] | string | number | boolean | null;

/**
 * *.rules.json: named JsonLogic rules of a plugin (classification, routing, fees). Rules read `data.*` (case data), `case.*`, `actor.*` and `config.*`.
 */
export interface RulesDeclaration {
  rules: {
    [k: string]: {
      title: Text;
      description?: Text;
      logic: Rule;
      /**
       * Worked examples: the loader evaluates each and refuses the plugin when the result differs
       */
      examples?: {
        context: {};
        result: unknown;
      }[];
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
