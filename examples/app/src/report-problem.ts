/**
 * The "Report a problem with an order" panel: the app's own form, sent with the SDK's `send()`,
 * which writes the report down in the browser before sending it, so it survives a lost
 * connection. What became of it comes from the client's events (`sent`, `queued`, `error`) and
 * is written into a live region, so screen readers hear it too.
 */
import { newIdempotencyKey, type Client, type FeedbackInput } from '@tandem/sdk';
import { byId } from './dom.js';
import { formatDate } from './orders.js';
import type { Customer, Order } from './session.js';

export interface ReportPanel {
  /** Chooses `order` in the form and takes the customer there (an order's own button). */
  reportAbout(order: Order): void;
}

export function reportProblemPanel(tandem: Client, customer: Customer, orders: Order[]): ReportPanel {
  const form = byId<HTMLFormElement>('report-form');
  const order = byId<HTMLSelectElement>('report-order');
  const problem = byId<HTMLSelectElement>('report-problem');
  const details = byId<HTMLTextAreaElement>('report-details');
  const detailsError = byId('report-details-error');
  const button = byId<HTMLButtonElement>('report-send');
  const status = byId('report-status');

  byId('customer-email').textContent = customer.email;
  order.replaceChildren(...orders.map((o) => new Option(`${o.number}, placed ${formatDate(o.placedOn)}`, o.number)));

  /** The order of the report being sent now: its `sent` or `queued` is about this one. */
  let sending: string | undefined;
  /** Reports this page saved for later: a `sent` with no send of ours on its way is one of them. */
  let saved = 0;

  const say = (outcome: 'sending' | 'sent' | 'queued' | 'error', text: string) => {
    status.dataset.outcome = outcome;
    status.textContent = text;
  };

  tandem.on('sent', () => {
    if (sending) {
      say('sent', `Thank you. Your report about order ${sending} reached our support team; we will reply to ${customer.email}.`);
    } else if (saved > 0) {
      saved--;
      say('sent', 'Your saved report has now been sent to our support team. Thank you for your patience.');
    }
  });
  tandem.on('queued', () => {
    saved++;
    const why = navigator.onLine ? 'We could not reach our support team just now.' : 'You are offline.';
    say('queued', `${why} Your report about order ${sending} is saved on this device and will be sent automatically.`);
  });
  tandem.on('error', (error) => {
    console.warn('Tandem refused the report:', error.code, error.requestId ?? '');
    say('error', 'Sorry, your report could not be sent. It is still in the form: please try again in a moment.');
  });

  // One idempotency key per report: sending the same words again after a failure reuses it, so
  // the API stores the report once however often the customer presses Send.
  let attempt: { body: string; key: string } | undefined;
  const keyFor = (input: FeedbackInput) => {
    const body = JSON.stringify(input);
    if (attempt?.body !== body) attempt = { body, key: newIdempotencyKey() };
    return attempt.key;
  };

  const invalid = (message: string) => {
    details.setAttribute('aria-invalid', String(Boolean(message)));
    detailsError.textContent = message;
  };
  details.addEventListener('input', () => details.value.trim() && invalid(''));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    const text = details.value.trim();
    if (!text) {
      invalid('Tell us what happened, so we can put it right.');
      details.focus();
      return;
    }
    invalid('');
    const input: FeedbackInput = {
      message: text,
      category: 'problem',
      pageUrl: location.origin + location.pathname,
      metadata: { order: order.value, problem: problem.value },
    };
    sending = order.value;
    button.setAttribute('aria-disabled', 'true');
    button.textContent = 'Sending…';
    say('sending', `Sending your report about order ${sending}…`);
    try {
      // Resolves `sent` or `queued` (either way the report is safe: clear the form); rejects when
      // it was neither, and the words stay for another try. The events above told the customer.
      await tandem.send(input, { idempotencyKey: keyFor(input) });
      attempt = undefined;
      form.reset();
    } catch {
      // Told by the `error` listener.
    } finally {
      sending = undefined;
      button.removeAttribute('aria-disabled');
      button.textContent = 'Send report';
    }
  });

  return {
    reportAbout(chosen) {
      order.value = chosen.number;
      problem.focus();
    },
  };
}
