/** JSON Schema pieces shared by the ledger's routes. */
export { AMOUNT } from '../amounts.js';
export { CURSOR, LIMIT } from '../keyset.js';

export const ID = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
export const METHOD = { type: 'string', enum: ['cash', 'transfer', 'pos', 'online'] } as const;
export const DATE = { type: 'string', format: 'date' } as const;
export const LANG = { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN' } as const;
export const VERSION = { type: 'integer', minimum: 1, description: 'the version you saw; a stale one is refused with 409' } as const;

export const idParams = { type: 'object', properties: { id: ID }, required: ['id'], additionalProperties: false } as const;
export const unitParams = { type: 'object', properties: { unitId: ID }, required: ['unitId'], additionalProperties: false } as const;

export function text(maxLength: number, minLength = 1) {
  return { type: 'string', minLength, maxLength } as const;
}
