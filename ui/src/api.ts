/**
 * Same-origin calls to the Wuye API. The session is the httpOnly cookie set at login, so every
 * call sends credentials and nothing keeps a token in the page. Errors become `ApiError` with the
 * server's one error shape ({ statusCode, code, message, issues }); a 401 also tells the app
 * shell to show the login page.
 */
import type { Issue } from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Fired on `window` when a call comes back 401 (session ended): the app shows the login page. */
export const UNAUTHORIZED_EVENT = 'wy-unauthorized';

/** Fired on `window` when the configuration in force changed (the admin activated or rolled back a version). */
export const CONFIG_CHANGED_EVENT = 'wy-config-changed';

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', ...init });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', (err as Error).message);
  }
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!res.ok) {
    const e = (json ?? {}) as { code?: string; message?: string; error?: string; issues?: Issue[] };
    if (res.status === 401 && !path.startsWith('/api/auth/login')) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
    throw new ApiError(res.status, e.code ?? `http-${res.status}`, e.message ?? e.error ?? res.statusText, Array.isArray(e.issues) ? e.issues : []);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Query, init?: RequestInit) => request<T>('GET', withQuery(path, query), undefined, init),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string, query?: Query) => request<T>('DELETE', withQuery(path, query)),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};
