/**
 * TEST FAKE of the WeChat official-account API: GET /cgi-bin/token (client_credential, appid,
 * secret) and POST /cgi-bin/message/template/send?access_token= ({ touser, template_id, data }).
 */
import { startFake, type FakeServer } from './fake-server.js';

export async function startWechatFake(keys: { appId: string; appSecret: string }): Promise<FakeServer & { tokensIssued: () => number }> {
  const accepted: Record<string, unknown>[] = [];
  const refused: { reason: string }[] = [];
  let issued = 0;
  const tokens = new Set<string>();
  const fake = await startFake((req, state) => {
    const url = new URL(req.url, 'http://fake');
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      if (url.searchParams.get('grant_type') !== 'client_credential' || url.searchParams.get('appid') !== keys.appId || url.searchParams.get('secret') !== keys.appSecret) {
        refused.push({ reason: '40125' });
        return { status: 200, body: { errcode: 40125, errmsg: 'invalid appsecret' } };
      }
      const token = `tok-${++issued}`;
      tokens.add(token);
      return { status: 200, body: { access_token: token, expires_in: 7200 } };
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/template/send') {
      if (!tokens.has(url.searchParams.get('access_token') ?? '')) { refused.push({ reason: '40001' }); return { status: 200, body: { errcode: 40001, errmsg: 'invalid credential' } }; }
      const body = JSON.parse(req.body) as { touser?: string; template_id?: string; data?: Record<string, { value: string }> };
      if (!body.touser || !body.template_id || !body.data) { refused.push({ reason: '47001' }); return { status: 200, body: { errcode: 47001, errmsg: 'data format error' } }; }
      if (state.failing > 0) { state.failing--; return { status: 200, body: { errcode: Number(state.failCode) || 43004, errmsg: 'require subscribe' } }; }
      accepted.push(body);
      return { status: 200, body: { errcode: 0, errmsg: 'ok', msgid: 1000 + accepted.length } };
    }
    return { status: 404, body: { errcode: -1, errmsg: 'not found' } };
  });
  return { url: fake.url, accepted, refused, failNext: (times, code) => { fake.state.failing = times; fake.state.failCode = code ?? ''; }, close: fake.close, tokensIssued: () => issued };
}
