/**
 * Where a company's message channel or group robot may send. By default only to the provider's
 * own address (no endpoint stored): a company admin who could store any address would make the
 * server post — with the company's keys — to any host its network reaches, internal services
 * included. The platform operator may allow other addresses (a provider's regional endpoint, a
 * company's outbound proxy) with WUYE_PROVIDER_ENDPOINTS: comma-separated origins
 * (`https://sms-proxy.example.com`), or `loopback` for 127.0.0.1 / localhost / [::1] (the local fake
 * providers the tests start).
 */
import { ValidationError } from '../../errors.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function endpointAllowed(url: string, setting: string | undefined = process.env.WUYE_PROVIDER_ENDPOINTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const allowed = (setting ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return allowed.some((a) => (a === 'loopback' ? LOOPBACK.has(parsed.hostname) : safeOrigin(a) === parsed.origin));
}

function safeOrigin(s: string): string | null {
  try {
    return new URL(s).origin;
  } catch {
    return null;
  }
}

/** Whether the platform lets companies store any address of their own (the editor shows the field only then). */
export function endpointOverridesAllowed(setting: string | undefined = process.env.WUYE_PROVIDER_ENDPOINTS): boolean {
  return (setting ?? '').split(',').some((s) => s.trim() !== '');
}

/** Refuses a stored endpoint the platform does not allow (400 naming the field); null keeps the provider's own. */
export function checkProviderEndpoint(url: string | null | undefined, pointer = '/endpoint'): void {
  if (url === null || url === undefined) return;
  if (!endpointAllowed(url)) {
    throw new ValidationError([{ pointer, code: 'endpoint-not-allowed', message: 'the platform allows only the provider\'s own address here (WUYE_PROVIDER_ENDPOINTS): leave it empty' }]);
  }
}
