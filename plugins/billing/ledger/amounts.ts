/**
 * Money at the HTTP edge: amounts arrive as decimal strings in yuan ("123.45") and are stored as
 * integer fen; answers carry them back as strings. Zero is refused where an amount must be positive.
 */
import { ValidationError, fromFen, formatMoney, parseMoney, toFen } from '../../../core/plugin-api.js';

/** JSON Schema of an input amount: non-negative, up to 9 integer digits and 2 decimals. */
export const AMOUNT = { type: 'string', pattern: '^\\d{1,9}(\\.\\d{1,2})?$', description: 'yuan as a decimal string, e.g. "123.45"' } as const;

/** Fen of a plain decimal string ("123.45", up to 13 integer digits: exact as a double), else null. */
function exactFen(amount: string): number | null {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(amount);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

/** Fen of a schema-checked amount; refuses zero with a 400 naming the field. */
export function positiveFen(amount: string, pointer: string): number {
  const fen = exactFen(amount) ?? Number(toFen(parseMoney(amount)));
  if (fen <= 0) throw new ValidationError([{ pointer, code: 'exclusiveMinimum', message: 'must be greater than 0' }]);
  return fen;
}

/** "1234.50" from fen. */
export function yuan(fen: number): string {
  // integer fen print exactly with integer arithmetic (a payment formats a dozen amounts)
  if (Number.isSafeInteger(fen)) {
    const abs = Math.abs(fen);
    const text = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
    return fen < 0 ? `-${text}` : text;
  }
  return formatMoney(fromFen(BigInt(fen)));
}
