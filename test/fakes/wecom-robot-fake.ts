/**
 * TEST FAKE of a WeCom (企业微信) group robot's webhook: POST /cgi-bin/webhook/send?key=<key> with
 * Content-Type application/json and { "msgtype": "text", "text": { "content" } } (content at most
 * 2048 UTF-8 bytes), answering { errcode, errmsg } — errcode 0 when accepted (the format described
 * in core/notifications/robots/wecom-webhook.ts, with its sources). A wrong key, a wrong path or
 * a malformed body is refused and recorded; failNext makes the next posts answer an error code.
 */
import { startFake, type FakeServer } from './fake-server.js';

export async function startWecomRobotFake(key: string): Promise<FakeServer> {
  const accepted: Record<string, unknown>[] = [];
  const refused: { reason: string }[] = [];
  const fake = await startFake((req, state) => {
    const url = new URL(req.url, 'http://fake');
    if (req.method !== 'POST' || url.pathname !== '/cgi-bin/webhook/send') { refused.push({ reason: 'path' }); return { status: 404, body: { errcode: -1, errmsg: 'not found' } }; }
    // test data: this fake's own error codes for a bad key and a bad body
    if (url.searchParams.get('key') !== key) { refused.push({ reason: 'key' }); return { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } }; }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) { refused.push({ reason: 'content-type' }); return { status: 200, body: { errcode: 40008, errmsg: 'invalid message type' } }; }
    let body: { msgtype?: unknown; text?: { content?: unknown } };
    try { body = JSON.parse(req.body) as typeof body; } catch { refused.push({ reason: 'json' }); return { status: 200, body: { errcode: 40008, errmsg: 'invalid json' } }; }
    const content = body.text?.content;
    if (body.msgtype !== 'text' || typeof content !== 'string' || content.length === 0 || Buffer.byteLength(content, 'utf8') > 2048) {
      refused.push({ reason: 'body' });
      return { status: 200, body: { errcode: 40008, errmsg: 'invalid message' } };
    }
    if (state.failing > 0) { state.failing--; return { status: 200, body: { errcode: Number(state.failCode) || 45009, errmsg: 'api freq out of limit' } }; }
    accepted.push(body);
    return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  });
  return { url: fake.url, accepted, refused, failNext: (times, code) => { fake.state.failing = times; fake.state.failCode = code ?? ''; }, close: fake.close };
}
