/** The integer paths of yuan() and positiveFen() agree with core's decimal money functions. */
import { describe, expect, it } from 'vitest';
import { formatMoney, fromFen, parseMoney, toFen } from '../../../core/plugin-api.js';
import { positiveFen, yuan } from './amounts.js';

const FEN = [0, -0, 1, 5, 10, 99, 100, 101, 22375, -22375, 7572, -1, -99, 97110, 99999999999, -12345678901234, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];

describe('amounts', () => {
  it('prints fen as core formats them', () => {
    for (const fen of FEN) expect(yuan(fen), String(fen)).toBe(formatMoney(fromFen(BigInt(fen))));
  });

  it('reads the amounts the schema lets through as core reads them, and refuses zero naming the field', () => {
    for (const text of ['1', '1.5', '1.05', '0.01', '0.10', '300.00', '971.1', '123456789.99', '000123.40']) {
      expect(positiveFen(text, '/amount'), text).toBe(Number(toFen(parseMoney(text))));
    }
    for (const zero of ['0', '0.0', '0.00']) expect(() => positiveFen(zero, '/amount')).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ pointer: '/amount' })] }));
  });
});
