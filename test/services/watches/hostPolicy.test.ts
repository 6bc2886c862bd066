/**
 * The webhook allow-list's rules, with DNS answers given (the real lookup is exercised by
 * webhooks.test.ts): listed hosts only; names resolve to public addresses only, however listed;
 * private or loopback receivers only as listed IP literals; the connection-time lookup refuses the same.
 */
import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, guardedLookup, isPublicAddress, parseWebhookHosts } from '../../../src/services/watches/hostPolicy.js';

const hosts = parseWebhookHosts('hooks.example.org, inside.example.org, *.chat.example.com, 10.0.0.5, [::1]');
const answers: Record<string, string[]> = {
  'hooks.example.org': ['93.184.216.35'],
  'inside.example.org': ['10.1.1.1'],
  'team.chat.example.com': ['93.184.216.34'],
  'evil.chat.example.com': ['93.184.216.34', '127.0.0.1'],
  'mapped.chat.example.com': ['::ffff:192.168.0.1'],
};
const resolve = async (h: string) => answers[h] ?? Promise.reject(new Error('ENOTFOUND'));

async function codeOf(url: string): Promise<string | null> {
  try {
    await checkWebhookUrl(url, hosts, resolve);
    return null;
  } catch (err) {
    return (err as { extensions: { code: string } }).extensions.code;
  }
}

describe('webhook host policy', () => {
  it('lets through listed hosts whose names resolve to public addresses, and private ones only as listed IP literals', async () => {
    expect(await codeOf('https://hooks.example.org/x')).toBeNull();
    expect(await codeOf('https://team.chat.example.com/x')).toBeNull();
    expect(await codeOf('http://10.0.0.5:8080/x')).toBeNull();
    expect(await codeOf('http://[::1]:8080/x')).toBeNull();
    expect(await codeOf('https://evil.chat.example.com/x')).toBe('WEBHOOK_HOST_NOT_ALLOWED');
    // A name listed exactly still may not resolve inside: private receivers are listed by address.
    expect(await codeOf('https://inside.example.org/x')).toBe('WEBHOOK_HOST_NOT_ALLOWED');
    expect(await codeOf('https://mapped.chat.example.com/x')).toBe('WEBHOOK_HOST_NOT_ALLOWED');
    expect(await codeOf('https://chat.example.com/x')).toBe('WEBHOOK_HOST_NOT_ALLOWED');
    expect(await codeOf('https://gone.chat.example.com/x')).toBe('WEBHOOK_HOST_NOT_ALLOWED');
    expect(await codeOf('http://10.0.0.6/x')).toBe('WEBHOOK_HOST_NOT_ALLOWED');
    expect(await codeOf('not a url')).toBe('BAD_USER_INPUT');
    expect(await codeOf('file:///etc/passwd')).toBe('BAD_USER_INPUT');
  });

  it('refuses everything when nothing is listed, and refuses bad entries at start', async () => {
    await expect(checkWebhookUrl('https://hooks.example.org/x', parseWebhookHosts(''), resolve)).rejects.toThrow(/lists no hosts/);
    expect(() => parseWebhookHosts('*.org')).toThrow(/two labels/);
    expect(() => parseWebhookHosts('http://x.org')).toThrow(/not a host name/);
  });

  it('classifies addresses as ipaddr.js does: only global unicast is public', () => {
    expect(['8.8.8.8', '2001:4860:4860::8888'].map(isPublicAddress)).toEqual([true, true]);
    expect(['127.0.0.1', '10.0.0.1', '169.254.169.254', '100.64.0.1', '::1', 'fd00::1', '::ffff:10.0.0.1', '0.0.0.0', 'nonsense'].some(isPublicAddress)).toBe(false);
  });

  it('refuses at connection time a name that resolves to a private address through a wildcard', async () => {
    const lookup = guardedLookup(parseWebhookHosts('*.localhost.example'));
    const err = await new Promise<NodeJS.ErrnoException | null>((r) => lookup('localhost', { all: true }, (e) => r(e)));
    expect(err?.code).toBe('WEBHOOK_HOST_NOT_ALLOWED');
    // Listed exactly, a name that resolves to loopback is refused all the same.
    const exact = guardedLookup(parseWebhookHosts('localhost'));
    const found = await new Promise<NodeJS.ErrnoException | null>((r) => exact('localhost', { all: true }, (e) => r(e)));
    expect(found?.code).toBe('WEBHOOK_HOST_NOT_ALLOWED');
  });
});
