/**
 * TEST FAKE of Tencent Cloud SMS SendSms (2021-01-11), checking the TC3-HMAC-SHA256 signature as
 * Tencent Cloud's "Signature v3" documents (canonical request over content-type and host, scope
 * <date>/sms/tc3_request, key derived from "TC3" + SecretKey). Written apart from the adapter.
 */
import { createHash, createHmac } from 'node:crypto';
import { startFake, type FakeServer } from './fake-server.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const mac = (k: Buffer | string, s: string) => createHmac('sha256', k).update(s).digest();

export async function startTencentSmsFake(keys: { secretId: string; secretKey: string }, now: () => Date): Promise<FakeServer> {
  const accepted: Record<string, unknown>[] = [];
  const refused: { reason: string }[] = [];
  const fake = await startFake((req, state) => {
    const refuse = (code: string, message: string) => { refused.push({ reason: code }); return { status: 200, body: { Response: { Error: { Code: code, Message: message }, RequestId: 'fake' } } }; };
    const h = req.headers;
    if (h['x-tc-action'] !== 'SendSms' || h['x-tc-version'] !== '2021-01-11') return refuse('InvalidAction', 'SendSms 2021-01-11 expected');
    const timestamp = Number(h['x-tc-timestamp']);
    if (!Number.isInteger(timestamp) || Math.abs(timestamp * 1000 - now().getTime()) > 5 * 60_000) return refuse('AuthFailure.SignatureExpire', 'signature expired');
    const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$/.exec(String(h.authorization ?? ''));
    if (!m) return refuse('AuthFailure.InvalidAuthorization', 'Authorization malformed');
    const [, id, date, signature] = m;
    if (id !== keys.secretId) return refuse('AuthFailure.SecretIdNotFound', 'SecretId not found');
    if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) return refuse('AuthFailure.InvalidAuthorization', 'date does not match the timestamp');
    const canonical = `POST\n/\n\ncontent-type:${h['content-type']}\nhost:${h.host}\n\ncontent-type;host\n${sha(req.body)}`;
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/sms/tc3_request\n${sha(canonical)}`;
    const key = mac(mac(mac(`TC3${keys.secretKey}`, date!), 'sms'), 'tc3_request');
    if (createHmac('sha256', key).update(toSign).digest('hex') !== signature) return refuse('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
    const body = JSON.parse(req.body) as { PhoneNumberSet: string[]; SmsSdkAppId: string; SignName: string; TemplateId: string; TemplateParamSet: string[] };
    if (!body.PhoneNumberSet?.length || !body.SmsSdkAppId || !body.TemplateId) return refuse('MissingParameter', 'PhoneNumberSet, SmsSdkAppId, TemplateId');
    if (state.failing > 0) {
      state.failing--;
      return { status: 200, body: { Response: { SendStatusSet: [{ SerialNo: '', PhoneNumber: body.PhoneNumberSet[0], Fee: 0, SessionContext: '', Code: state.failCode || 'LimitExceeded.PhoneNumberDailyLimit', Message: 'daily limit', IsoCode: 'CN' }], RequestId: 'fake' } } };
    }
    accepted.push(body);
    return { status: 200, body: { Response: { SendStatusSet: [{ SerialNo: `sn-${accepted.length}`, PhoneNumber: body.PhoneNumberSet[0], Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: 'fake' } } };
  });
  return { url: fake.url, accepted, refused, failNext: (times, code) => { fake.state.failing = times; fake.state.failCode = code ?? ''; }, close: fake.close };
}
