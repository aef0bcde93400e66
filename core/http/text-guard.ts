/**
 * Refuses text the databases cannot store faithfully: NUL characters (PostgreSQL rejects them in
 * text and jsonb) and unpaired UTF-16 surrogates (not valid Unicode), and input nested deeper than
 * any real document (recursive code must never meet it). Checked on every body, query string and
 * path parameter before validation, so the answer is a 400 naming the field rather than a failure.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError, type FieldIssue } from '../errors.js';

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any form or configuration document; deeper input is refused, not recursed into. */
const MAX_DEPTH = 64;

function findBadText(value: unknown, pointer: string, issues: FieldIssue[], depth = 0): void {
  if (issues.length >= 20) return;
  if (depth > MAX_DEPTH) {
    issues.push({ pointer, code: 'too-deep', message: `nested more than ${MAX_DEPTH} levels` });
    return;
  }
  if (typeof value === 'string') {
    if (BAD_TEXT.test(value)) issues.push({ pointer, code: 'invalid-text', message: 'contains a NUL character or broken Unicode' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findBadText(v, `${pointer}/${i}`, issues, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (BAD_TEXT.test(k)) issues.push({ pointer: p, code: 'invalid-text', message: 'field name contains a NUL character or broken Unicode' });
      findBadText(v, p, issues, depth + 1);
    }
  }
}

export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issues: FieldIssue[] = [];
    findBadText(request.body, '', issues);
    findBadText(request.query, '/querystring', issues);
    findBadText(request.params, '/params', issues);
    if (issues.length) throw new ValidationError(issues);
  });
}
