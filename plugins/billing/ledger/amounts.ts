/**
 * Money at the HTTP edge: amounts arrive as decimal strings in yuan ("123.45") and are stored as
 * integer fen; answers carry them back as strings. Zero is refused where an amount must be positive.
 */
import { ValidationError, fromFen, formatMoney, parseMoney, toFen } from '../../../core/plugin-api.js';

/** JSON Schema of an input amount: non-negative, up to 9 integer digits and 2 decimals. */
export const AMOUNT = { type: 'string', pattern: '^\\d{1,9}(\\.\\d{1,2})?$', description: 'yuan as a decimal string, e.g. "123.45"' } as const;

/** Fen of a schema-checked amount; refuses zero with a 400 naming the field. */
export function positiveFen(amount: string, pointer: string): number {
  const fen = Number(toFen(parseMoney(amount)));
  if (fen <= 0) throw new ValidationError([{ pointer, code: 'exclusiveMinimum', message: 'must be greater than 0' }]);
  return fen;
}

/** "1234.50" from fen. */
export function yuan(fen: number): string {
  return formatMoney(fromFen(BigInt(fen)));
}
