/**
 * TEST FAKE of Aliyun SMS SendSms (dysmsapi 2017-05-25), checking requests as Alibaba Cloud's RPC
 * "Signature mechanism" documents: parameters sorted, RFC 3986 percent-encoding, StringToSign =
 * METHOD&%2F&encode(query), Base64(HMAC-SHA1(secret + "&")). Written apart from the adapter on
 * purpose, so a mistake in one does not agree with itself. Fresh nonce, known key, sane timestamp.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { startFake, type FakeServer } from './fake-server.js';

const enc = (v: string) => encodeURIComponent(v).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~').replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export async function startAliyunSmsFake(keys: { accessKeyId: string; accessKeySecret: string }, now: () => Date): Promise<FakeServer> {
  const accepted: Record<string, unknown>[] = [];
  const refused: { reason: string }[] = [];
  const nonces = new Set<string>();
  const fake = await startFake((req, state) => {
    const params = Object.fromEntries(new URLSearchParams(req.body));
    const refuse = (code: string, message: string) => { refused.push({ reason: code }); return { status: 400, body: { Code: code, Message: message, RequestId: 'fake' } }; };
    if (req.method !== 'POST') return refuse('InvalidMethod', 'POST expected');
    for (const k of ['AccessKeyId', 'Action', 'Format', 'PhoneNumbers', 'SignName', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'TemplateCode', 'Timestamp', 'Version', 'Signature']) {
      if (!params[k]) return refuse('MissingParameter', `${k} is mandatory for this action`);
    }
    if (params.Action !== 'SendSms' || params.Version !== '2017-05-25') return refuse('InvalidAction', 'SendSms 2017-05-25 expected');
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') return refuse('InvalidSignatureMethod', 'HMAC-SHA1 1.0 expected');
    if (params.AccessKeyId !== keys.accessKeyId) return refuse('InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(params.Timestamp!) || Math.abs(Date.parse(params.Timestamp!) - now().getTime()) > 15 * 60_000) return refuse('InvalidTimeStamp.Expired', 'timestamp out of range');
    if (nonces.has(params.SignatureNonce!)) return refuse('SignatureNonceUsed', 'Specified signature nonce was used already.');
    const query = Object.keys(params).filter((k) => k !== 'Signature').sort().map((k) => `${enc(k)}=${enc(params[k]!)}`).join('&');
    const expected = createHmac('sha1', `${keys.accessKeySecret}&`).update(`POST&${enc('/')}&${enc(query)}`).digest();
    const given = Buffer.from(params.Signature!, 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse('SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    nonces.add(params.SignatureNonce!);
    if (state.failing > 0) {
      state.failing--;
      return { status: 200, body: { Code: state.failCode || 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发小时级流控Permits:5', RequestId: 'fake' } };
    }
    accepted.push({ ...params, TemplateParam: JSON.parse(params.TemplateParam ?? '{}') });
    return { status: 200, body: { Code: 'OK', Message: 'OK', BizId: `biz-${accepted.length}`, RequestId: 'fake' } };
  });
  return { url: fake.url, accepted, refused, failNext: (times, code) => { fake.state.failing = times; fake.state.failCode = code ?? ''; }, close: fake.close };
}
