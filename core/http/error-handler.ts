/**
 * One error shape for every failure: { statusCode, code, error, message, issues[] } where each
 * issue names the field by JSON pointer. Unexpected errors are logged and answered with a 500
 * that leaks nothing.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { WuyeError, type FieldIssue } from '../errors.js';
import { ajvIssues } from '../declarations/ajv-factory.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large',
  415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error',
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof WuyeError) {
      return reply.status(err.statusCode).send(body(err.statusCode, err.code, err.message, err.issues));
    }
    if (err instanceof UniqueConstraintViolationException) {
      // two requests raced for the same number or name: the loser retries
      return reply.status(409).send(body(409, 'WUYE_CONFLICT', 'a concurrent change took the same number or name: retry', [{ pointer: '', code: 'conflict', message: 'retry' }]));
    }
    if (err.validation) {
      const part = err.validationContext ?? 'body';
      const issues: FieldIssue[] = ajvIssues(err.validation as never, part === 'body' ? '' : `/${part}`);
      const first = issues[0];
      const message = first ? `${first.pointer.replace(/^\//, '').replace(/\//g, '.') || part}: ${first.message}` : err.message;
      return reply.status(400).send(body(400, 'WUYE_VALIDATION', message, issues));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      request.log.error({ err }, 'unexpected error');
      return reply.status(500).send(body(500, 'WUYE_INTERNAL', 'internal error', []));
    }
    // fastify's own 4xx: malformed JSON, body too large, wrong content type, rate limit…
    const code = err.code ?? (status === 429 ? 'WUYE_RATE_LIMITED' : 'WUYE_BAD_REQUEST');
    return reply.status(status).send(body(status, code, err.message, [{ pointer: '', code, message: err.message }]));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body(404, 'WUYE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`, []));
  });
}

function body(statusCode: number, code: string, message: string, issues: FieldIssue[]) {
  return { statusCode, code, error: STATUS_TEXT[statusCode] ?? 'Error', message, issues };
}
