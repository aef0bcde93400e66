/**
 * Deployment settings of the HTTP layer's defences, from the environment unless the kernel is given
 * them (tests):
 *
 * - WUYE_TRUST_PROXY — behind a reverse proxy, which X-Forwarded-For hops to believe for the client
 *   address (login throttling counts per address): `true`, a hop count (`1`), or a comma-separated
 *   list of proxy addresses / CIDRs (`10.0.0.1,192.168.0.0/16`). Unset: the socket's address.
 * - WUYE_SECURE_COOKIES — `1` / `0`: mark the session cookie Secure (sent over HTTPS only). Default:
 *   on when NODE_ENV=production.
 * - WUYE_ALLOWED_ORIGINS — extra origins (comma-separated, e.g. `https://wuye.example.com`) whose
 *   pages may send cookie-authenticated changes, besides the server's own origin.
 */
export type TrustProxy = boolean | number | string;

export function trustProxyFromEnv(value = process.env.WUYE_TRUST_PROXY): TrustProxy {
  if (!value || value === '0' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((s) => s.trim()).filter(Boolean).join(',');
}

export function secureCookiesFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.WUYE_SECURE_COOKIES === '1' || env.WUYE_SECURE_COOKIES === 'true') return true;
  if (env.WUYE_SECURE_COOKIES === '0' || env.WUYE_SECURE_COOKIES === 'false') return false;
  return env.NODE_ENV === 'production';
}

export function allowedOriginsFromEnv(value = process.env.WUYE_ALLOWED_ORIGINS): string[] {
  return (value ?? '').split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean);
}
