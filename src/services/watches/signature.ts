/**
 * Webhook signatures in the Standard Webhooks form (standardwebhooks.com), so receivers can check
 * them with that project's libraries: `webhook-id` (the delivery's idempotency id, the same on
 * every retry), `webhook-timestamp` (Unix seconds of this attempt: a receiver refuses old ones,
 * which stops replays) and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`
 * keyed with the secret's bytes (a secret is `whsec_` and base64).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new watch secret: 24 random bytes, shown to its creator once. */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(24).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

/** The three headers that sign one attempt of a delivery. */
export function signatureHeaders(secret: string, id: string, body: string, at = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${mac}` };
}

/**
 * A receiver's check (used by the tests and shown in the README): the signature matches and the
 * timestamp is within `toleranceSeconds` of now.
 */
export function verifySignature(secret: string, headers: Record<string, string | string[] | undefined>, body: string, toleranceSeconds = 300, now = new Date()): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = String(headers['webhook-timestamp'] ?? '');
  if (!/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .some((part) => {
      const [version, mac] = part.split(',');
      const given = Buffer.from(mac ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}
