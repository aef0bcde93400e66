/**
 * What a provider adapter is given and answers. An adapter never throws a provider's refusal: it
 * returns it (`ok: false`, the provider's code and message), so the outbox can record and retry it.
 * Credentials stay inside the adapter; errors it returns never quote them.
 */
export interface OutgoingMessage {
  /** phone number (11 digits, mainland) or WeChat openid */
  recipient: string;
  /** the provider's template code for this message template */
  templateCode: string;
  /** the template's variables, rendered */
  params: Record<string, string>;
}

export type SendResult = { ok: true; providerMessageId: string | null } | { ok: false; error: string };

export interface ChannelConfig {
  endpoint: string | null;
  settings: Record<string, unknown>;
  credentials: Record<string, string>;
}

export type ChannelAdapter = (config: ChannelConfig, message: OutgoingMessage, now: Date) => Promise<SendResult>;

/** A network error or a provider's non-JSON answer, as text (never with the request, which carries keys). */
export function describeFailure(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string } };
  return `network: ${err.cause?.code ?? err.name ?? 'error'}${err.message ? ` ${err.message}` : ''}`.slice(0, 300);
}

/** fetch with a deadline, so a hung provider does not hold a delivery run */
export async function postOrGet(url: string, init: RequestInit, timeoutMs = 10_000): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}
