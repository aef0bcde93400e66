/**
 * Tencent Cloud SMS SendSms (API 2021-01-11), signed with TC3-HMAC-SHA256 as Tencent Cloud's
 * "Signature v3" specifies: CanonicalRequest = POST \n / \n (empty query) \n
 * "content-type:application/json; charset=utf-8\nhost:<host>\n" \n "content-type;host" \n SHA256hex(body);
 * StringToSign = "TC3-HMAC-SHA256\n<timestamp>\n<date>/sms/tc3_request\n" + SHA256hex(CanonicalRequest);
 * the key is derived HMAC("TC3"+SecretKey, date) → "sms" → "tc3_request"; the signature is its hex
 * HMAC of StringToSign. Answer: { Response: { SendStatusSet: [{ Code: "Ok", SerialNo }] } } or { Response: { Error } }.
 */
import { createHash, createHmac } from 'node:crypto';
import { describeFailure, postOrGet, type ChannelAdapter } from './channel-adapter.js';

export const TENCENT_SMS_ENDPOINT = 'https://sms.tencentcloudapi.com/';
export const TC3_CONTENT_TYPE = 'application/json; charset=utf-8';

const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

export interface Tc3Input { secretKey: string; host: string; timestamp: number; payload: string; service?: string }

export function tc3Signature({ secretKey, host, timestamp, payload, service = 'sms' }: Tc3Input): { signature: string; credentialScope: string } {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonicalRequest = ['POST', '/', '', `content-type:${TC3_CONTENT_TYPE}\nhost:${host}\n`, 'content-type;host', sha256hex(payload)].join('\n');
  const credentialScope = `${date}/${service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), credentialScope, sha256hex(canonicalRequest)].join('\n');
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  return { signature: createHmac('sha256', signing).update(stringToSign, 'utf8').digest('hex'), credentialScope };
}

export const sendTencentSms: ChannelAdapter = async (config, message, now) => {
  const { secretId, secretKey } = config.credentials;
  if (!secretId || !secretKey) return { ok: false, error: 'channel: SecretId/SecretKey missing' };
  const url = new URL(config.endpoint ?? TENCENT_SMS_ENDPOINT);
  const payload = JSON.stringify({
    PhoneNumberSet: [message.recipient.startsWith('+') ? message.recipient : `+86${message.recipient}`],
    SmsSdkAppId: String(config.settings.sdkAppId ?? ''),
    SignName: String(config.settings.signName ?? ''),
    TemplateId: message.templateCode,
    // a template's variables are positional: the message template's params in declaration order
    TemplateParamSet: Object.values(message.params),
  });
  const timestamp = Math.floor(now.getTime() / 1000);
  const { signature, credentialScope } = tc3Signature({ secretKey, host: url.host, timestamp, payload });
  try {
    const res = await postOrGet(url.toString(), {
      method: 'POST',
      headers: {
        authorization: `TC3-HMAC-SHA256 Credential=${secretId}/${credentialScope}, SignedHeaders=content-type;host, Signature=${signature}`,
        'content-type': TC3_CONTENT_TYPE,
        host: url.host,
        'x-tc-action': 'SendSms',
        'x-tc-timestamp': String(timestamp),
        'x-tc-version': '2021-01-11',
        'x-tc-region': String(config.settings.region ?? 'ap-guangzhou'),
      },
      body: payload,
    });
    const answer = (await res.json().catch(() => ({}))) as { Response?: { Error?: { Code: string; Message: string }; SendStatusSet?: { Code: string; Message: string; SerialNo?: string }[] } };
    const error = answer.Response?.Error;
    if (error) return { ok: false, error: `tencent ${error.Code}: ${error.Message}`.slice(0, 300) };
    const status = answer.Response?.SendStatusSet?.[0];
    if (status?.Code === 'Ok') return { ok: true, providerMessageId: status.SerialNo ?? null };
    return { ok: false, error: `tencent ${status?.Code ?? `HTTP ${res.status}`}: ${status?.Message ?? ''}`.slice(0, 300) };
  } catch (e) {
    return { ok: false, error: describeFailure(e) };
  }
};
