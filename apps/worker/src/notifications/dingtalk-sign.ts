import { createHmac } from 'node:crypto';

/**
 * A DingTalk group robot secured by 加签: its webhook URL with `timestamp` (ms) and `sign` — the Base64 HMAC-SHA256 of
 * "timestamp\nsecret" keyed with the secret, URL-encoded — which DingTalk checks (and refuses beyond an hour's skew).
 */
export function dingtalkSignedUrl(url: string, secret: string, now: number = Date.now()): string {
  const timestamp = String(now);
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', timestamp);
  u.searchParams.set('sign', sign);
  return u.toString();
}
