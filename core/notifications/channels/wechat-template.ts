/**
 * WeChat official-account template messages: an access_token from
 * GET /cgi-bin/token?grant_type=client_credential&appid=&secret= (valid expires_in seconds, kept per
 * app id until shortly before it expires), then POST /cgi-bin/message/template/send?access_token=
 * with { touser: openid, template_id, data: { key: { value } } }. Answer: { errcode: 0, msgid }.
 */
import { describeFailure, postOrGet, type ChannelAdapter } from './channel-adapter.js';

export const WECHAT_API = 'https://api.weixin.qq.com';

const tokens = new Map<string, { token: string; until: number }>();

async function accessToken(base: string, appId: string, appSecret: string, now: Date): Promise<string | { error: string }> {
  const key = `${base}|${appId}`;
  const held = tokens.get(key);
  if (held && held.until > now.getTime()) return held.token;
  const url = `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}`;
  const answer = (await (await postOrGet(url, { method: 'GET' })).json().catch(() => ({}))) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
  if (!answer.access_token) return { error: `wechat token ${answer.errcode ?? '?'}: ${answer.errmsg ?? ''}` };
  tokens.set(key, { token: answer.access_token, until: now.getTime() + Math.max(60, (answer.expires_in ?? 7200) - 300) * 1000 });
  return answer.access_token;
}

export const sendWechatTemplate: ChannelAdapter = async (config, message, now) => {
  const { appId, appSecret } = config.credentials;
  if (!appId || !appSecret) return { ok: false, error: 'channel: AppID/AppSecret missing' };
  const base = (config.endpoint ?? WECHAT_API).replace(/\/$/, '');
  try {
    const token = await accessToken(base, appId, appSecret, now);
    if (typeof token !== 'string') return { ok: false, error: token.error.slice(0, 300) };
    const data = Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, { value: v }]));
    const res = await postOrGet(`${base}/cgi-bin/message/template/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ touser: message.recipient, template_id: message.templateCode, data }),
    });
    const answer = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string; msgid?: number };
    if (answer.errcode === 0) return { ok: true, providerMessageId: answer.msgid === undefined ? null : String(answer.msgid) };
    // an expired or revoked token: the next attempt fetches a new one
    if (answer.errcode === 40001 || answer.errcode === 42001) tokens.delete(`${base}|${appId}`);
    return { ok: false, error: `wechat ${answer.errcode ?? `HTTP ${res.status}`}: ${answer.errmsg ?? ''}`.slice(0, 300) };
  } catch (e) {
    return { ok: false, error: describeFailure(e) };
  }
};
