/**
 * str.* rule operators. Lengths count Unicode code points, i.e. what a person counts: '物业' is 2,
 * and an emoji is 1, not the 2 UTF-16 units String.length would report.
 */
import { describeValue } from '../../money/index.js';

/** [s]: length of a string (numbers are measured as printed); null, i.e. a missing field, is 0. */
export function strLen(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string' || typeof value === 'number') return [...String(value)].length;
  throw new RangeError(`str.len: expected a string, got ${describeValue(value)}`);
}

/**
 * [text, words]: whether the text contains any of the words (keyword routing: "漏水" makes a
 * request urgent). A missing text or an empty list is false; words must be strings.
 */
export function strContainsAny(text: unknown, words: unknown): boolean {
  if (text === null || text === undefined) return false;
  if (typeof text !== 'string') throw new RangeError(`str.containsAny: expected a string, got ${describeValue(text)}`);
  if (words === null || words === undefined) return false;
  if (!Array.isArray(words)) throw new RangeError(`str.containsAny: expected a list of words, got ${describeValue(words)}`);
  return words.some((w) => {
    if (typeof w !== 'string') throw new RangeError(`str.containsAny: expected words to be strings, got ${describeValue(w)}`);
    return w.length > 0 && text.includes(w);
  });
}
