/**
 * Where a destination may point. Tandem POSTs to it and shows the start of a refusal's body in
 * GET /v1/deliveries, so an address inside a network would make the worker a way to read it:
 * only https to a public host is accepted, and a Slack destination only at Slack's own address.
 * Plain http and this machine's own addresses (127.0.0.1, localhost, [::1]) are for local
 * development, where the worker runs with LOCAL_DESTINATIONS = "allow" (.dev.vars). Checked when a
 * destination is added or changed, and again before each request (for rows stored before).
 * A public name that resolves to a private address is beyond this check: deployed, the worker's
 * requests leave through Cloudflare's network, which does not reach private networks.
 */
import type { Bindings } from '../env.js';
import { ApiError } from '../errors.js';
import type { DestinationKind } from '../schemas/destination.js';

/** This machine, as local receivers are addressed. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Names that only mean something inside a network. */
const LOCAL_SUFFIXES = ['.local', '.internal', '.localhost'];

const SLACK_HOST = 'hooks.slack.com';

/** Whether this worker may send to plain http and loopback hosts (local development only). */
export function allowsLocalDestinations(env: Pick<Bindings, 'LOCAL_DESTINATIONS'>): boolean {
  return env.LOCAL_DESTINATIONS === 'allow';
}

/** For the routes: a 400 naming `url` when this URL may not be a destination of this kind here. */
export function checkDestinationUrl(env: Pick<Bindings, 'LOCAL_DESTINATIONS'>, kind: DestinationKind, url: string): void {
  const problem = destinationUrlProblem(kind, url, { allowLocal: allowsLocalDestinations(env) });
  if (problem) throw new ApiError('invalid_request', `Invalid request: url: ${problem}`, { issues: [{ path: 'url', message: problem }] });
}

/** Why this URL may not be a destination of this kind, for people; null when it may. */
export function destinationUrlProblem(kind: DestinationKind, url: string, { allowLocal }: { allowLocal: boolean }): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be a URL';
  }
  const host = parsed.hostname.replace(/\.$/, '');
  if (allowLocal && LOCAL_HOSTS.has(host)) return null;
  if (parsed.protocol !== 'https:') return allowLocal ? 'must be https (http only for 127.0.0.1, localhost and [::1])' : 'must be https';
  if (kind === 'slack' && host !== SLACK_HOST) return `for Slack, must be an incoming webhook URL (https://${SLACK_HOST}/…)`;
  // An IP address (URL writes every IPv4 form as a.b.c.d, and IPv6 in brackets): a public one only.
  const literal = host.startsWith('[') ? ipv6Problem(host.slice(1, -1)) : /^[\d.]+$/.test(host) ? ipv4Problem(host) : undefined;
  if (literal !== undefined) return literal && `must not point at ${literal}`;
  if (!host.includes('.')) return 'must name a public host (a name with a dot, like hooks.example.com)';
  const suffix = LOCAL_SUFFIXES.find((s) => host.endsWith(s));
  if (suffix) return `must name a public host, not a ${suffix} name`;
  return null;
}

/** What kind of non-public IPv4 address this is, or null for a public one. */
function ipv4Problem(address: string): string | null {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p > 255)) return 'an invalid address';
  const [a, b] = parts as [number, number, number, number];
  if (a === 0) return 'an unspecified address';
  if (a === 127) return 'a loopback address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) {
    return 'a private address';
  }
  if (a === 169 && b === 254) return 'a link-local address';
  if (a >= 224) return 'a multicast or reserved address';
  return null;
}

/** The same for IPv6 (as URL writes it: lowercase hex, `::` for zeros), looking inside IPv4-mapped ones. */
function ipv6Problem(address: string): string | null {
  const groups = expandIpv6(address);
  if (!groups) return 'an invalid address';
  if (groups.every((g) => g === 0)) return 'an unspecified address';
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return 'a loopback address';
  const first = groups[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'a private address';
  if ((first & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((first & 0xff00) === 0xff00) return 'a multicast or reserved address';
  // ::ffff:a.b.c.d (IPv4-mapped), ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) reach
  // the IPv4 address inside.
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  const mapped = (zeros(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) || (first === 0x64 && groups[1] === 0xff9b && zeros(2, 6));
  if (mapped) {
    const [high, low] = [groups[6]!, groups[7]!];
    return ipv4Problem(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`);
  }
  return null;
}

function expandIpv6(address: string): number[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (half: string | undefined) => (half ? half.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}
