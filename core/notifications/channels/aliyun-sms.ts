/**
 * Aliyun SMS SendSms (dysmsapi, API version 2017-05-25), an RPC-style call signed as Alibaba Cloud's
 * "Signature mechanism" specifies: every parameter but Signature sorted by name, names and values
 * percent-encoded (RFC 3986: space %20, * %2A, ~ kept), joined with & into the canonicalized query;
 * StringToSign = METHOD & percentEncode("/") & percentEncode(canonicalized query);
 * Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)). Answer: { Code: "OK", BizId }.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { describeFailure, postOrGet, type ChannelAdapter } from './channel-adapter.js';

export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';

export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params).filter((k) => k !== 'Signature').sort().map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`).join('&');
}

export function aliyunSignature(method: string, params: Record<string, string>, accessKeySecret: string): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** ISO 8601 in UTC without milliseconds, as the API requires (2026-12-06T12:00:00Z) */
const timestamp = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const sendAliyunSms: ChannelAdapter = async (config, message, now) => {
  const { accessKeyId, accessKeySecret } = config.credentials;
  if (!accessKeyId || !accessKeySecret) return { ok: false, error: 'channel: AccessKey missing' };
  const params: Record<string, string> = {
    AccessKeyId: accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: message.recipient,
    RegionId: String(config.settings.regionId ?? 'cn-hangzhou'),
    SignName: String(config.settings.signName ?? ''),
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(),
    SignatureVersion: '1.0',
    TemplateCode: message.templateCode,
    TemplateParam: JSON.stringify(message.params),
    Timestamp: timestamp(now),
    Version: '2017-05-25',
  };
  const body = `Signature=${percentEncode(aliyunSignature('POST', params, accessKeySecret))}&${canonicalQuery(params)}`;
  try {
    const res = await postOrGet(config.endpoint ?? ALIYUN_SMS_ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const answer = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string; BizId?: string };
    if (answer.Code === 'OK') return { ok: true, providerMessageId: answer.BizId ?? null };
    return { ok: false, error: `aliyun ${answer.Code ?? `HTTP ${res.status}`}: ${answer.Message ?? ''}`.slice(0, 300) };
  } catch (e) {
    return { ok: false, error: describeFailure(e) };
  }
};
