/**
 * Where webhooks may go (CLAIMGRAPH_WEBHOOK_HOSTS): a host must be listed, exactly or under a
 * `*.domain` entry. A name, listed either way, must resolve to public addresses only; a private
 * or loopback receiver is listed by its IP address, so no DNS answer (one that changes later:
 * rebinding) can point a webhook inside the network. Checked when a watch is made, and again at
 * each connection through `guardedLookup`, on the addresses actually dialled. ipaddr.js
 * classifies addresses (IPv4-mapped IPv6 included).
 */
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { badUserInput, ClientError } from '../../errors.js';

export interface HostAllowList {
  /** Hosts listed exactly (lower case, IPv6 without brackets). */
  exact: Set<string>;
  /** Domains listed as `*.domain`: any name under them (not the domain itself). */
  suffixes: string[];
}

export const NO_WEBHOOK_HOSTS: HostAllowList = { exact: new Set(), suffixes: [] };

/** CLAIMGRAPH_WEBHOOK_HOSTS: comma-separated hosts, `*.domain` entries, IP literals. */
export function parseWebhookHosts(value: string | undefined): HostAllowList {
  const list: HostAllowList = { exact: new Set(), suffixes: [] };
  for (const raw of (value ?? '').split(',')) {
    const entry = unbracket(raw.trim().toLowerCase());
    if (!entry) continue;
    if (entry.startsWith('*.')) {
      const domain = entry.slice(2);
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) throw new Error(`CLAIMGRAPH_WEBHOOK_HOSTS: "${raw.trim()}" is not a *.domain entry with at least two labels`);
      list.suffixes.push(`.${domain}`);
    } else if (net.isIP(entry) || /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(entry)) {
      list.exact.add(entry);
    } else {
      throw new Error(`CLAIMGRAPH_WEBHOOK_HOSTS: "${raw.trim()}" is not a host name, an IP address or *.domain`);
    }
  }
  return list;
}

function refused(message: string): ClientError {
  return new ClientError('WEBHOOK_HOST_NOT_ALLOWED', message, { jsonPath: 'url' });
}

/** An IPv6 address as the allow-list keeps it: without the brackets a URL puts around it. */
function unbracket(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}

/** A URL's host as the allow-list spells it. */
function hostOf(url: URL): string {
  return unbracket(url.hostname.toLowerCase());
}

/** Whether a host is in the list: exactly, or under one of its `*.domain` entries. */
function isListed(host: string, hosts: HostAllowList): boolean {
  return hosts.exact.has(host) || hosts.suffixes.some((s) => host.endsWith(s));
}

/** Whether an address is public (ipaddr's "unicast": not loopback, private, link-local, CGNAT, …). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/**
 * The URL a watch may deliver to, or a WEBHOOK_HOST_NOT_ALLOWED / BAD_USER_INPUT refusal: http or
 * https, no credentials, a listed host whose addresses pass (`resolve` is the DNS step, there
 * to be replaced in tests of the rules alone).
 */
export async function checkWebhookUrl(text: string, hosts: HostAllowList, resolve: (host: string) => Promise<string[]> = resolveAll): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badUserInput('not an absolute URL', 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badUserInput(`webhooks are sent over https or http, not ${url.protocol}`, 'url');
  if (url.username || url.password) throw badUserInput('credentials do not belong in a webhook URL; the signature authenticates claimgraph to the receiver', 'url');
  if (text.length > 2048) throw badUserInput('at most 2,048 characters', 'url');
  const host = hostOf(url);
  if (!isListed(host, hosts)) {
    const listed = hosts.exact.size + hosts.suffixes.length ? 'is not in CLAIMGRAPH_WEBHOOK_HOSTS' : 'cannot be used: CLAIMGRAPH_WEBHOOK_HOSTS lists no hosts, so this server sends no webhooks';
    throw refused(`url: the host "${host}" ${listed}`);
  }
  // An IP literal listed exactly may be anything (a receiver on loopback or a private network, named on purpose).
  if (net.isIP(host)) return url;
  const addresses = await resolve(host).catch((err: Error) => Promise.reject(refused(`url: "${host}" does not resolve (${err.message})`)));
  const inner = addresses.find((a) => !isPublicAddress(a));
  if (inner) throw refused(`url: "${host}" resolves to ${inner}, which is not a public address; a name must resolve to public addresses only (list a private receiver by its IP address)`);
  return url;
}

/** How long `watch` waits for DNS before refusing the URL (a stalled resolver answers nothing). */
const RESOLVE_TIMEOUT_MS = 5_000;

async function resolveAll(host: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${RESOLVE_TIMEOUT_MS / 1000} s`)), RESOLVE_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([dns.promises.lookup(host, { all: true, verbatim: true }), stalled]);
    return found.map((a) => a.address);
  } finally {
    clearTimeout(timer);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that answers only with addresses the allow-list lets this host
 * reach: the check made at connection time, on the addresses actually dialled.
 */
export function guardedLookup(hosts: HostAllowList): (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => void {
  return (hostname, options, callback) => {
    const host = hostname.toLowerCase();
    const listed = isListed(host, hosts);
    dns.lookup(hostname, { ...options, all: true, verbatim: true }, (err, found) => {
      if (err) return callback(err, '');
      const allowed = listed ? found.filter((a) => isPublicAddress(a.address)) : [];
      if (!allowed.length) {
        const denied = Object.assign(new Error(`${hostname} resolves to no address webhooks may reach`), { code: 'WEBHOOK_HOST_NOT_ALLOWED' });
        return callback(denied, '');
      }
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

/** Whether a URL's host may be dialled now: IP literals skip `lookup`, and only an exact entry lists one. */
export function literalAllowed(url: URL, hosts: HostAllowList): boolean {
  const host = hostOf(url);
  return !net.isIP(host) || hosts.exact.has(host);
}
