/**
 * Seals channel credentials with AES-256-GCM before they reach the database. The key comes from
 * WUYE_SECRETS_KEY (32 bytes, base64 or 64 hex digits) or the file named by WUYE_SECRETS_KEY_FILE;
 * without one, channels cannot be configured (sealing refuses) rather than storing keys in clear.
 * Format: v1.<iv>.<tag>.<ciphertext>, each base64url.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

export class MissingSecretsKeyError extends Error {
  constructor() {
    super('no secrets key: set WUYE_SECRETS_KEY (32 bytes, base64 or hex) or WUYE_SECRETS_KEY_FILE to store provider credentials');
  }
}

function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error('the secrets key must be 32 bytes (base64 or 64 hex digits)');
  return key;
}

/** The key, read when needed (tests and operators may set it after start-up). */
export function secretsKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.WUYE_SECRETS_KEY) return parseKey(env.WUYE_SECRETS_KEY);
  if (env.WUYE_SECRETS_KEY_FILE) return parseKey(readFileSync(env.WUYE_SECRETS_KEY_FILE, 'utf8'));
  throw new MissingSecretsKeyError();
}

export function seal(value: Record<string, string>, key = secretsKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function unseal(sealed: string, key = secretsKey()): Record<string, string> {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('sealed credentials: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as Record<string, string>;
}
