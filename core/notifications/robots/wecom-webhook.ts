/**
 * Posting to a WeCom (企业微信) group robot. The request, as the robot's documentation describes it
 * (developer.work.weixin.qq.com/document/path/91770, "群机器人配置说明", quoted in
 * github.com/wangtengda0310/my-alert src/my_alert/wxEnterpriseRobot.clj and in
 * github.com/diegosouzapw/awesome-omni-skill skills/development/wecom-bot/SKILL.md):
 *   POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>
 *   Content-Type: application/json
 *   { "msgtype": "text", "text": { "content": "…" } }     (content: UTF-8, at most 2048 bytes)
 * msgtype may also be markdown (content at most 4096 bytes); we post text: a case title is typed by
 * residents and staff, and text needs no escaping of markdown.
 * The answer is JSON with errcode (0: success — WeCom's global error codes, as listed in
 * github.com/binarywang/WxJava WxCpErrorMsgEnum) and errmsg; anything else is a refusal to retry.
 * Rate limit: "每个机器人发送的消息不能超过20条/分钟" (each robot at most 20 messages a minute,
 * same sources) — the delivery job keeps under it.
 * The key is a credential: it is only ever put into the request URL, never into an error or a log.
 */

export const WECOM_WEBHOOK_BASE = 'https://qyapi.weixin.qq.com/';
export const TEXT_MAX_BYTES = 2048;
export const ROBOT_MESSAGES_PER_MINUTE = 20;

export type PostResult = { ok: true } | { ok: false; error: string };

/** Cuts a text to at most `max` UTF-8 bytes without splitting a character. */
export function fitBytes(text: string, max = TEXT_MAX_BYTES): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > max - 3) break;
    out += ch;
    bytes += n;
  }
  return `${out}…`;
}

export async function postToRobot(endpoint: string | null, key: string, content: string, timeoutMs = 10_000): Promise<PostResult> {
  const base = endpoint ?? WECOM_WEBHOOK_BASE;
  const url = `${base.endsWith('/') ? base : `${base}/`}cgi-bin/webhook/send?key=${encodeURIComponent(key)}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'text', text: { content: fitBytes(content) } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    // the error's own message may carry the URL, and with it the key: name only its kind
    const code = (e as { cause?: { code?: unknown } }).cause?.code;
    return { ok: false, error: `network: ${typeof code === 'string' ? code : (e as Error).name}` };
  }
  let body: { errcode?: unknown; errmsg?: unknown };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    return { ok: false, error: `http ${res.status}: not JSON` };
  }
  if (body.errcode === 0) return { ok: true };
  return { ok: false, error: `errcode ${String(body.errcode)}: ${String(body.errmsg ?? '').slice(0, 200)}` };
}
