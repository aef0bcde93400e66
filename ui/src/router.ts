/**
 * Hash routes (`#/cases/complaint/12`): the server only has to serve index.html at `/`, links can
 * be opened in a new tab, and back/forward work. List filters live in the route's query so going
 * back to a list restores it.
 */
export type Route =
  | { name: 'queue'; query: URLSearchParams }
  | { name: 'list'; caseType: string; query: URLSearchParams }
  | { name: 'new'; caseType: string; query: URLSearchParams }
  | { name: 'case'; caseType: string; id: number; query: URLSearchParams }
  | { name: 'followUps'; query: URLSearchParams }
  | { name: 'reports'; query: URLSearchParams }
  | { name: 'households'; query: URLSearchParams }
  | { name: 'unit'; id: number; query: URLSearchParams }
  | { name: 'admin'; section: AdminSection; query: URLSearchParams }
  /** any other path: a page a plugin contributes (plugin-ui-registry matchPage), or not found */
  | { name: 'plugin'; path: string; query: URLSearchParams }
  | { name: 'password'; query: URLSearchParams }
  /** who read which household's personal data (privacy.log) */
  | { name: 'readLog'; query: URLSearchParams }
  /** my notifications (通知) and which kinds I get */
  | { name: 'notifications'; query: URLSearchParams }
  | { name: 'notFound'; query: URLSearchParams };

const NAME = '[a-zA-Z][a-zA-Z0-9_-]{0,63}';

/**
 * A tab of the configuration editor (`#/admin/workflow?plugin=…&caseType=…`): the editor's own
 * (ui/src/admin/admin-sections.ts) or one a plugin contributes; the editor page checks which exist.
 */
export type AdminSection = string;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', queryPart = ''] = raw.split('?', 2);
  const query = new URLSearchParams(queryPart);
  const path = pathPart.replace(/\/+$/, '') || '/';
  let m: RegExpMatchArray | null;
  if (path === '/' || path === '/queue') return { name: 'queue', query };
  if (path === '/follow-ups') return { name: 'followUps', query };
  if (path === '/reports') return { name: 'reports', query };
  if (path === '/households') return { name: 'households', query };
  if (path === '/password') return { name: 'password', query };
  if (path === '/read-log') return { name: 'readLog', query };
  if (path === '/notifications') return { name: 'notifications', query };
  if (path === '/admin') return { name: 'admin', section: 'forms', query };
  if ((m = path.match(/^\/admin\/([a-z][a-z-]{0,31})$/))) return { name: 'admin', section: m[1]!, query };
  if ((m = path.match(/^\/units\/(\d{1,10})$/))) return { name: 'unit', id: Number(m[1]), query };
  if ((m = path.match(new RegExp(`^/cases/(${NAME})$`)))) return { name: 'list', caseType: m[1]!, query };
  if ((m = path.match(new RegExp(`^/cases/(${NAME})/new$`)))) return { name: 'new', caseType: m[1]!, query };
  if ((m = path.match(new RegExp(`^/cases/(${NAME})/(\\d{1,10})$`)))) return { name: 'case', caseType: m[1]!, id: Number(m[2]), query };
  const CORE = /^\/(cases|units|admin|queue|follow-ups|reports|households|password|read-log|notifications)(\/|$)/;
  if (!CORE.test(path) && /^(\/[A-Za-z0-9_-]{1,64}){1,6}$/.test(path)) return { name: 'plugin', path, query };
  return { name: 'notFound', query };
}

/** `href('/cases/complaint', { state: 'registered' })` → `#/cases/complaint?state=registered` */
export function href(path: string, query?: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '' && v !== false) params.set(k, String(v));
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

export function navigate(target: string, options: { replace?: boolean } = {}): void {
  const hash = target.startsWith('#') ? target : `#${target}`;
  if (options.replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export const caseHref = (caseType: string, id: number) => href(`/cases/${caseType}/${id}`);
