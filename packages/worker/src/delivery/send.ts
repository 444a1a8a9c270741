/**
 * One attempt to send a delivery: a signed webhook, or a Slack message, with a timeout. Never
 * throws for the receiver's failures: they come back as a failed attempt to record.
 */
import type { Outgoing } from '../db/deliveries.js';
import type { DeliveryEvent } from '../schemas/delivery.js';
import { REQUEST_TIMEOUT_MS } from './retry.js';
import { signatureHeaders } from './signature.js';
import { slackMessage } from './slack.js';

export interface AttemptResult {
  ok: boolean;
  responseCode: number | null;
  /** Short, for people: "HTTP 503: upstream unavailable", "timed out after 10 s". */
  error: string | null;
  durationMs: number;
}

const ERROR_CHARACTERS = 200;

export async function send(
  delivery: Pick<Outgoing, 'id' | 'payload' | 'destination'>,
  { now = new Date(), timeoutMs = REQUEST_TIMEOUT_MS }: { now?: Date; timeoutMs?: number } = {},
): Promise<AttemptResult> {
  const { destination } = delivery;
  const body =
    destination.kind === 'slack' ? JSON.stringify(slackMessage(JSON.parse(delivery.payload) as DeliveryEvent)) : delivery.payload;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Tandem-Webhooks/1.0' };
  if (destination.kind === 'webhook') Object.assign(headers, await signatureHeaders(destination.secret!, delivery.id, body, now));

  const started = Date.now();
  const elapsed = () => Date.now() - started;
  try {
    const response = await fetch(destination.url, {
      method: 'POST',
      headers,
      body,
      // A redirect is the receiver's configuration to fix, not a place to send signed data to.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const ok = response.status >= 200 && response.status < 300;
    const said = ok ? '' : await start(response);
    if (ok) await response.body?.cancel();
    return {
      ok,
      responseCode: response.status,
      error: ok ? null : short(`HTTP ${response.status}${said && `: ${said}`}`),
      durationMs: elapsed(),
    };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return {
      ok: false,
      responseCode: null,
      error: timedOut ? `timed out after ${timeoutMs / 1000} s` : short(err instanceof Error ? err.message : String(err)),
      durationMs: elapsed(),
    };
  }
}

/** The start of a refusal's body, which usually says why (Slack: "invalid_payload"); never all of it. */
async function start(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  let text = '';
  const decoder = new TextDecoder();
  try {
    while (text.length < ERROR_CHARACTERS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The receiver hung up mid-answer: its status says enough.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text.replace(/\s+/g, ' ').trim();
}

function short(text: string): string {
  return text.length <= ERROR_CHARACTERS ? text : `${text.slice(0, ERROR_CHARACTERS - 1)}…`;
}
