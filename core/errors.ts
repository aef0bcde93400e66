/**
 * Coded errors, in one module (as fastify does): every error the platform raises on purpose has a
 * stable code, an HTTP status and, where it concerns input, the field or declaration pointer.
 */

/** One problem with one field or declaration node. `pointer` is a JSON pointer. */
export interface FieldIssue {
  /** JSON pointer to the offending value, e.g. '/data/phone' or '/states/closed/title' */
  pointer: string;
  /** Stable machine code, e.g. 'required', 'type', 'unknown-state' */
  code: string;
  /** English, for API users and logs; clients word the issue from `code` and `params` */
  message: string;
  /**
   * What a client needs to word the issue in its reader's language without parsing `message`,
   * e.g. { limit: 200 } for maxLength, { allowed: [...] } for enum, { field } for required,
   * { state } for invalid-state.
   */
  params?: IssueParams;
  /** Declaration file the pointer is inside, for load-time errors */
  file?: string;
}

/** Values an issue's wording needs: numbers, names, lists of allowed values. */
export type IssueParams = Record<string, string | number | boolean | null | readonly (string | number | boolean | null)[]>;

export class WuyeError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'WuyeError';
  }
}

/** Body failed validation: 400 with one issue per field. */
export class ValidationError extends WuyeError {
  constructor(issues: FieldIssue[], message?: string) {
    super('WUYE_VALIDATION', 400, message ?? summarize(issues), issues);
  }
}

export class NotFoundError extends WuyeError {
  constructor(what: string) {
    super('WUYE_NOT_FOUND', 404, `${what} not found`);
  }
}

export class ForbiddenError extends WuyeError {
  constructor(message: string) {
    super('WUYE_FORBIDDEN', 403, message);
  }
}

export class UnauthorizedError extends WuyeError {
  constructor(message = 'login required') {
    super('WUYE_UNAUTHORIZED', 401, message);
  }
}

/** Optimistic concurrency: the client's version is not the stored one. */
export class StaleVersionError extends WuyeError {
  constructor(expected: number, actual: number) {
    super('WUYE_STALE_VERSION', 409, `version ${expected} is stale: the record is at version ${actual}; reload and retry`, [
      { pointer: '/version', code: 'stale', message: `current version is ${actual}`, params: { expected, actual } },
    ]);
  }
}

/** A business rule refused the action (guard, precondition): 422 */
export class RuleRefusedError extends WuyeError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super('WUYE_REFUSED', 422, message, issues);
  }
}

/** A configuration or plugin declaration is invalid. At start-up it stops the server. */
export class DeclarationError extends WuyeError {
  constructor(issues: FieldIssue[], context = 'declarations') {
    super('WUYE_DECLARATION', 422, `invalid ${context}:\n${issues.map(formatIssue).join('\n')}`, issues);
  }
}

/**
 * `{ name }` of a declaration check whose English message quotes what it is about
 * (`unknown field "phone"`), so clients word it without reading the message.
 */
export function namedIn(message: string): IssueParams {
  const name = /"([^"]*)"/.exec(message)?.[1];
  return name === undefined ? {} : { name };
}

export function formatIssue(issue: FieldIssue): string {
  return `  [${issue.code}] ${issue.file ? `${issue.file} ` : ''}${issue.pointer || '/'}: ${issue.message}`;
}

function summarize(issues: FieldIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${pointerToField(first.pointer)}: ${first.message}${more}`;
}

/** '/data/phone' -> 'data.phone' — the form humans read in messages */
export function pointerToField(pointer: string): string {
  return pointer.split('/').filter(Boolean).map(unescapePointer).join('.') || '(body)';
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + escapePointer(String(s))).join('');
}
