// Messages for support's inbox and PR's studio on the demo site: `npm start` sends them through the public API
// (so the triage sorts them as it would any message), each once: a fixed Idempotency-Key makes
// every later start a replay that stores nothing. The dashboard's tests send the same messages to
// a site of their own for the inbox's screenshot.

const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:144.0) Gecko/20100101 Firefox/144.0';
const phone = { locale: 'en-GB', viewport: { width: 390, height: 844 }, timezone: 'Europe/London', userAgent: SAFARI };
const desktop = { locale: 'en-US', viewport: { width: 1440, height: 900 }, timezone: 'America/New_York', userAgent: CHROME };
const laptop = { locale: 'de-DE', viewport: { width: 1280, height: 800 }, timezone: 'Europe/Berlin', userAgent: FIREFOX };

/** @type {{ key: string, body: Record<string, unknown> }[]} oldest first */
export const DEMO_INBOX = [
  { key: 'demo-inbox-1', body: { message: 'How long do the beans stay fresh once the bag is open?', name: 'Jonas W.', email: 'jonas@example.com', pageUrl: 'https://northwind.example/beans/colombia-huila', context: laptop } },
  { key: 'demo-inbox-2', body: { message: 'The coffee is good but the bag was hard to open and half of it spilled on the floor.', rating: 3, name: 'Lucía M.', pageUrl: 'https://northwind.example/account/orders', context: phone } },
  { key: 'demo-inbox-3', body: { message: 'Can I change the grind size on my subscription before the next bag ships?', category: 'question', email: 'priya@example.com', name: 'Priya S.', pageUrl: 'https://northwind.example/account/subscription', context: desktop } },
  { key: 'demo-inbox-4', body: { message: 'The checkout page freezes on my phone right after I enter my card. Tried Safari and Chrome.', rating: 2, email: 'tom@example.com', pageUrl: 'https://northwind.example/checkout', context: phone } },
  { key: 'demo-inbox-5', body: { message: 'My order NW-1047 was due on Thursday and the tracking has not moved since Monday.', rating: 2, name: 'Elif K.', email: 'elif@example.com', pageUrl: 'https://northwind.example/account/orders', context: laptop, metadata: { order: 'NW-1047' } } },
  { key: 'demo-inbox-6', body: { message: 'I cannot log in to my account and my subscription renews tomorrow, please help urgently.', rating: 1, email: 'amara@example.com', pageUrl: 'https://northwind.example/login', context: desktop } },
  { key: 'demo-inbox-7', body: { message: 'Third time my grinder arrives broken. If this is not sorted by Friday I am posting the photos on Twitter and calling a journalist.', rating: 1, name: 'Dan R.', email: 'dan@example.com', pageUrl: 'https://northwind.example/account/orders', context: desktop, metadata: { order: 'NW-1052', plan: 'pro' } } },
  { key: 'demo-inbox-8', body: { message: 'I was charged twice for order #1182 and nobody answers my emails. I want my money back today.', rating: 1, name: 'Sam Lee', email: 'sam@example.com', pageUrl: 'https://northwind.example/account/orders', context: phone, user: { id: 'cus_1182' } } },
];

/**
 * Praise for PR's studio: customers who ticked "you may quote me publicly" (one of them with a
 * phone number the studio never suggests quoting). Demo-inbox-7 is its PR-risk alert.
 * @type {{ key: string, body: Record<string, unknown> }[]} oldest first
 */
export const DEMO_PRAISE = [
  { key: 'demo-praise-1', body: { message: 'My grinder stopped working after a year and support sent a new burr the same week, no questions asked. That is how you keep a customer. Happy to talk about it: 020 7946 0958.', rating: 5, name: 'Jonas W.', email: 'jonas@example.com', consent: { publish: true, version: 'tandem-1' }, pageUrl: 'https://northwind.example/account/orders', context: laptop } },
  { key: 'demo-praise-2', body: { message: 'Ordered the Ethiopia Guji on a whim. It tastes of blueberries and dark chocolate, and it arrived two days after roasting. You have a customer for life!', rating: 5, name: 'Noor Haddad', consent: { publish: true, version: 'tandem-1' }, pageUrl: 'https://northwind.example/beans/ethiopia-guji', context: phone } },
];

/**
 * Sends the demo messages to a site with its publishable key, from a server (no Origin), each
 * with its fixed Idempotency-Key. Resolves with the ids, oldest first.
 * @param {string} endpoint
 * @param {string} publishableKey
 * @param {{ key: string, body: Record<string, unknown> }[]} [messages] DEMO_INBOX unless told
 */
export async function sendDemoInbox(endpoint, publishableKey, messages = DEMO_INBOX) {
  const ids = [];
  for (const { key, body } of messages) {
    const res = await fetch(`${endpoint}/v1/feedback`, {
      method: 'POST',
      headers: { authorization: `Bearer ${publishableKey}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sending a demo message: ${res.status} ${await res.text()}`);
    ids.push((await res.json()).id);
  }
  return ids;
}

/**
 * A closed loop on the demo site: support resolves Elif's late order (demo-inbox-5), invites her
 * to say how it went, and she answers with praise she agrees to share, which the PR studio marks
 * as a recovered customer's. Once: a later start finds the invitation answered and does nothing.
 * @param {string} endpoint
 * @param {string} publishableKey
 * @param {string} secretKey an admin or support key of the same site
 * @param {string} complaintId the id sendDemoInbox resolved with for demo-inbox-5
 */
export async function closeDemoLoop(endpoint, publishableKey, secretKey, complaintId) {
  const call = async (method, path, body, key = secretKey) => {
    const res = await fetch(`${endpoint}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body && { 'content-type': 'application/json' }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`closing the demo loop: ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const complaint = await call('GET', `/v1/feedback/${complaintId}`);
  if (complaint.invitations.some((i) => i.answeredAt)) return;
  await call('PUT', `/v1/feedback/${complaintId}/status`, { status: 'resolved', actor: 'Ben Okafor' });
  const { url } = await call('POST', `/v1/feedback/${complaintId}/invitation`, { actor: 'Ben Okafor' });
  await call(
    'POST',
    '/v1/feedback',
    {
      message: 'The parcel turned up the day after I wrote, with a free bag of the Huila for the wait. That is how you keep a customer. Thank you!',
      rating: 5,
      name: 'Elif K.',
      consent: { publish: true, version: 'tandem-1' },
      invitation: url.split('/').at(-1),
      context: laptop,
    },
    publishableKey,
  );
}
