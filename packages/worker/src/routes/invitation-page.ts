/**
 * The page an invitation links to (GET /how-did-it-go/{token}): the site's name, when the
 * customer wrote, and the feedback form inline, loaded from this worker's /tandem.js. The script
 * tag hands the form the token as the metadata key `tandem.invitation` (the widget needs nothing
 * new, see lib/invitation.ts), and POST /v1/feedback takes it as the invitation the message
 * answers. HTML for people; in the OpenAPI document so every path the worker serves is there.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { html } from 'hono/html';
import type { Schema } from 'hono/types';
import type { HtmlEscapedString } from 'hono/utils/html';
import { findInvitationByToken } from '../db/invitations.js';
import type { AppEnv } from '../env.js';
import { sha256 } from '../lib/hash.js';
import { INVITATION_METADATA_KEY, INVITATION_TOKEN } from '../lib/invitation.js';

const page = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

export const route = createRoute({
  method: 'get',
  path: '/how-did-it-go/{token}',
  tags: ['Pages'],
  summary: 'The invitation page',
  description:
    'The link POST /v1/feedback/{id}/invitation makes: a page with the site’s name, when the customer wrote, and the ' +
    'feedback form, whose answer is linked to the invitation. Served with a strict Content-Security-Policy, no Referer and no caching.',
  request: { params: z.object({ token: z.string() }) },
  responses: {
    200: page('The page with the form.'),
    404: page('A friendly page: no such link.'),
    410: page('A friendly page: the link expired, or was answered already.'),
  },
});

export const registerInvitationPage = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { token } = c.req.valid('param');
    const invitation = INVITATION_TOKEN.test(token) ? await findInvitationByToken(c.env.DB, await sha256(token)) : null;
    const nonce = newNonce();
    const page = (status: 404 | 410 | 200, title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) =>
      c.html(layout(nonce, title, body), status, headers(nonce));

    if (!invitation || !invitation.publishableKey) {
      return page(404, 'Link not found', html`<h1>We could not find this link</h1>
        <p>Check that the whole address was copied from the message we sent you.</p>`);
    }
    const site = invitation.siteName;
    if (invitation.answeredAt) {
      return page(410, `${site}: thank you`, html`<h1>${site}</h1>
        <p>We already have your answer to this invitation. Thank you for taking the time.</p>`);
    }
    if (invitation.expiresAt <= new Date().toISOString()) {
      return page(410, `${site}: link expired`, html`<h1>${site}</h1>
        <p>This link has expired. You can still write to us on our website.</p>`);
    }
    const wrote = new Date(invitation.complaintAt).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return page(200, `${site}: how did it go?`, html`<h1>${site}</h1>
      <p>You wrote to us on ${wrote}. How did it go?</p>
      <tandem-feedback inline></tandem-feedback>
      <script src="/tandem.js" async nonce="${nonce}" data-site="${invitation.publishableKey}"
        data-meta-${INVITATION_METADATA_KEY}="${token}" data-page-url="none"></script>`);
  });

function layout(nonce: string, title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <!-- No icon to fetch: the worker has none, and the browser would ask for /favicon.ico. -->
    <link rel="icon" href="data:," />
    <title>${title}</title>
    <style nonce="${nonce}">
      :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
      body { margin: 0; background: Canvas; color: CanvasText; }
      main { max-width: 36rem; margin: 0 auto; padding: 2rem 1rem; }
      h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
      /* The inline form's room, so the page does not jump when it arrives. */
      tandem-feedback { display: block; min-height: 28rem; margin-top: 1.5rem; }
    </style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;
}

/**
 * Scripts and styles from this worker only, and the nonce for the page's own style and the
 * script tag (the widget gives its <style> elements that nonce where constructable stylesheets
 * are missing). The token is in the address: no Referer, no caching, no framing.
 */
function headers(nonce: string): Record<string, string> {
  return {
    'content-security-policy':
      `default-src 'none'; script-src 'self'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; ` +
      "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html",
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-robots-tag': 'noindex',
  };
}

function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
