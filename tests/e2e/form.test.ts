/**
 * What the form asks and what it sends: the rating scales, the category, the email and name
 * (typed, or from identify()), the context of the page, the site's metadata, the spam signals the
 * worker weighs, and the follow-up that lets a customer add an email after sending.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, tabTo, useBrowser } from '../support/browser.js';
import { openLauncher, shopPage, storedMessage, unique, writeAndSend, type ShopPage } from '../support/pages.js';

const browser = useBrowser();

/** Opens the form on a shop page; returns the page and the widget. */
async function openForm(options: ShopPage = {}): Promise<{ page: Page; widget: Locator }> {
  const page = await shopPage(browser(), options);
  return { page, widget: await openLauncher(page) };
}

/** Writes the message, sends it, and waits for the answer in the live region. */
async function send(widget: Locator, message: string): Promise<string> {
  await writeAndSend(widget, message);
  const thanks = widget.getByRole('status').locator('p').first();
  await thanks.waitFor({ timeout: 15_000 });
  return (await thanks.textContent()) ?? '';
}

describe('the form', () => {
  it('sends the email, name and consent, with the page, locale, viewport and browser, but not the query', async () => {
    const page = await shopPage(browser());
    // The address is read when the form opens: one with private data in its query and hash.
    await page.evaluate(() => history.replaceState(null, '', `${location.pathname}?order=1234&email=ana@example.com#top`));
    await page.setViewportSize({ width: 1024, height: 700 });
    const widget = page.locator('tandem-feedback');
    await widget.getByRole('button', { name: 'Feedback' }).click();
    const message = unique('Where is my parcel?');
    await widget.getByRole('textbox', { name: 'Email (optional)' }).fill('ana@example.com');
    await widget.getByRole('textbox', { name: 'Name (optional)' }).fill('Ana');
    await widget.getByRole('checkbox', { name: 'You may quote me publicly' }).check();
    await send(widget, message);

    const stored = await storedMessage(message);
    expect(stored).toMatchObject({
      email: 'ana@example.com',
      name: 'Ana',
      consent: { publish: true, version: 'tandem-1' },
      pageUrl: page.url().split('?')[0],
      user: null,
      context: {
        locale: await page.evaluate(() => navigator.language),
        viewport: { width: 1024, height: 700 },
        userAgent: await page.evaluate(() => navigator.userAgent),
        timezone: await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
      },
      signals: { honeypot: '' },
    });
    expect(stored!.label).not.toBe('spam');
    expect(stored!.signals.elapsedMs).toBeGreaterThanOrEqual(1500);
  });

  it('sends the whole address only when the site asks for it', async () => {
    const { page, widget } = await openForm({ data: { 'page-url': 'full' } });
    // The address is read when the form opens: reopen after moving to an address with a query.
    await page.evaluate(() => history.replaceState(null, '', `${location.pathname}?plan=pro`));
    await widget.getByRole('button', { name: 'Close' }).click();
    await widget.getByRole('button', { name: 'Feedback' }).click();
    const message = unique('The pro plan page is confusing.');
    await send(widget, message);
    expect((await storedMessage(message))!.pageUrl).toBe(page.url());
  });

  it('rates with faces, the arrow keys moving along them', async () => {
    const { page, widget } = await openForm({ data: { rating: 'faces' } });
    await tabTo(page, widget.getByRole('radio', { name: 'Very unhappy' }));
    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await widget.getByRole('radio', { name: 'Very happy' }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const message = unique('Lovely coffee, thank you!');
    await send(widget, message);
    expect(await storedMessage(message)).toMatchObject({ rating: 5, score: null });
  });

  it('asks "how likely are you to recommend us" on a 0–10 scale, sent as the score', async () => {
    const { page, widget } = await openForm({ data: { rating: 'scale' } });
    const group = widget.getByRole('group', { name: 'How likely are you to recommend us to a friend?' });
    expect(await group.getByRole('radio').count()).toBe(11);
    await group.getByRole('radio', { name: '9' }).check();
    expect(await axeViolations(page)).toEqual([]);
    const message = unique('Great roasts, quick delivery.');
    await send(widget, message);
    expect(await storedMessage(message)).toMatchObject({ score: 9, rating: null });
  });

  it('leaves the rating out with rating="none", and the category with category="none"', async () => {
    const { widget } = await openForm({ data: { rating: 'none', category: 'none' } });
    expect(await widget.getByRole('textbox', { name: 'Your message' }).isVisible()).toBe(true);
    expect(await widget.getByRole('radio').count()).toBe(0);
    expect(await widget.getByRole('combobox').count()).toBe(0);
  });

  it('sends the category the customer chose', async () => {
    const { widget } = await openForm();
    await widget.getByRole('combobox', { name: 'What is it about? (optional)' }).selectOption({ label: 'An idea' });
    const message = unique('Could you sell a decaf sampler?');
    await send(widget, message);
    expect(await storedMessage(message)).toMatchObject({ category: 'idea' });
  });

  it("takes who the customer is from identify(), and the site's metadata from data-meta-*", async () => {
    const page = await shopPage(browser(), { data: { 'meta-plan': 'pro', 'meta-order-id': 'A-1001' } });
    const widget = page.locator('tandem-feedback');
    type Identified = HTMLElement & { identify(u?: object): void };
    await widget.evaluate((el: Identified) => el.identify({ id: 'cus_42', email: 'kim@example.com', name: 'Kim' }));
    await widget.getByRole('button', { name: 'Feedback' }).click();
    // What the site knows fills the fields; the customer can still change it.
    expect(await widget.getByRole('textbox', { name: 'Email (optional)' }).inputValue()).toBe('kim@example.com');
    await widget.getByRole('textbox', { name: 'Name (optional)' }).fill('Kim L.');
    const message = unique('My subscription renewed twice this month.');
    await send(widget, message);
    expect(await storedMessage(message)).toMatchObject({
      email: 'kim@example.com',
      name: 'Kim L.',
      user: { id: 'cus_42' },
      metadata: { plan: 'pro', 'order-id': 'A-1001' },
    });
  });

  it("never lets what a site's plain JavaScript passes to identify() cost the message", async () => {
    const page = await shopPage(browser());
    const widget = page.locator('tandem-feedback');
    type Identified = HTMLElement & { identify(u?: object): void };
    // A numeric account id, a name longer than the field takes, an address the browser accepts.
    await widget.evaluate((el: Identified) => el.identify({ id: 4242, name: 'N'.repeat(150), email: 'sam@gmail' }));
    await widget.getByRole('button', { name: 'Feedback' }).click();
    const message = unique('The checkout button does nothing on my phone.');
    await send(widget, message);
    expect(await storedMessage(message)).toMatchObject({ user: { id: '4242' }, name: 'N'.repeat(100), email: 'sam@gmail' });
  });

  it('sends what the customer left in the fields, not what identify() said, and forgets it on sign-out', async () => {
    const page = await shopPage(browser());
    const widget = page.locator('tandem-feedback');
    type Identified = HTMLElement & { identify(u?: object): void };
    await widget.evaluate((el: Identified) => el.identify({ id: 'cus_7', email: 'jo@example.com', name: 'Jo' }));
    await widget.getByRole('button', { name: 'Feedback' }).click();
    const email = widget.getByRole('textbox', { name: 'Email (optional)' });
    const name = widget.getByRole('textbox', { name: 'Name (optional)' });
    // The customer would rather not give their email.
    await email.fill('');
    const message = unique('Please do not email me, but the grinder is too loud.');
    await send(widget, message);
    const stored = await storedMessage(message);
    expect(stored).toMatchObject({ email: null, name: 'Jo', user: { id: 'cus_7' } });
    expect(stored!.user.email ?? null).toBeNull();

    // Signed out: the next person on this device does not inherit Jo's name.
    await widget.getByRole('button', { name: 'Done' }).click();
    await widget.evaluate((el: Identified) => el.identify());
    await widget.getByRole('button', { name: 'Feedback' }).click();
    expect(await name.inputValue()).toBe('');
    expect(await email.inputValue()).toBe('');
  });
});

describe('spam signals', () => {
  it('lets the worker file a message whose hidden field was filled as spam, kept and listed', async () => {
    const { widget } = await openForm();
    // What form-filling software does: fill every input it finds, the one people never see too.
    await widget.evaluate((el) => {
      const trap = el.shadowRoot!.querySelector('tandem-feedback-form')!.shadowRoot!.querySelector<HTMLInputElement>('input[name="website"]')!;
      trap.value = 'https://cheap-pills.example';
    });
    const message = unique('Buy cheap pills now');
    expect(await send(widget, message)).toBe('Thanks for your feedback.');
    expect(await storedMessage(message)).toMatchObject({ label: 'spam', routes: [], signals: { honeypot: 'https://cheap-pills.example' } });
  });

  it('keeps the hidden field out of reach of people and assistive technology', async () => {
    const { page, widget } = await openForm();
    expect(await widget.getByRole('textbox', { name: /website/i }).count()).toBe(0);
    const trap = widget.locator('input[name="website"]');
    await tabTo(page, widget.getByRole('button', { name: 'Send' }));
    expect(await trap.evaluate((t) => t.matches(':focus') || (t.getRootNode() as ShadowRoot).activeElement === t)).toBe(false);
    expect(await trap.evaluate((t) => t.closest('[inert]') !== null)).toBe(true);
  });

  it('lets the worker file a message sent at once after opening as spam', async () => {
    const { widget } = await openForm();
    const message = unique('Great deals at example dot com');
    await widget.getByRole('textbox', { name: 'Your message' }).fill(message);
    await widget.getByRole('button', { name: 'Send' }).click();
    await widget.getByRole('status').locator('p').waitFor({ timeout: 15_000 });
    const stored = await storedMessage(message);
    expect(stored).toMatchObject({ label: 'spam', routes: [] });
    expect(stored!.signals.elapsedMs).toBeLessThan(1500);
  });
});

describe('after sending', () => {
  it('offers a customer who left no email to add one for support to reply, and stores it', async () => {
    const { page, widget } = await openForm();
    const message = unique('I was charged twice for my order and nobody answers.');
    expect(await send(widget, message)).toMatch(/a person on our team will read this/i);
    const email = widget.getByRole('textbox', { name: 'Would you like a reply? Add your email address:' });
    expect(await axeViolations(page)).toEqual([]);
    await email.fill('sam@example.com');
    await widget.getByRole('button', { name: 'Add', exact: true }).click();
    await widget.getByText('Thanks — we will reply to you by email.').waitFor();
    expect(await email.count()).toBe(0);
    expect(await storedMessage(message)).toMatchObject({ email: 'sam@example.com' });
  });

  it('does not offer it when the email was given, nor for praise', async () => {
    const first = await openForm();
    await first.widget.getByRole('textbox', { name: 'Email (optional)' }).fill('lee@example.com');
    await send(first.widget, unique('My order never arrived and I want a refund.'));
    expect(await first.widget.getByRole('textbox', { name: /Would you like a reply/ }).count()).toBe(0);

    const second = await openForm();
    expect(await send(second.widget, unique('Best coffee I have ever ordered, thank you so much!'))).toMatch(/kind words/);
    expect(await second.widget.getByRole('textbox', { name: /Would you like a reply/ }).count()).toBe(0);
  });
});

describe('inline', () => {
  it('shows the form where the site placed it, with the tag’s key and settings, and sends from there', async () => {
    const page = await shopPage(browser(), {
      body: '<main><h1>Contact</h1><tandem-feedback inline></tandem-feedback><a href="#" data-tandem-open>Write to us</a></main>',
      data: { rating: 'faces' },
      ready: false,
    });
    const widget = page.locator('tandem-feedback');
    // One element: the tag configured the placed one instead of adding a floating launcher.
    expect(await widget.count()).toBe(1);
    const form = widget.getByRole('form', { name: 'Send us feedback' });
    await form.waitFor({ state: 'visible' });
    expect(await widget.getByRole('button', { name: 'Feedback' }).count()).toBe(0);
    expect(await widget.getByRole('dialog').count()).toBe(0);
    expect(await widget.getByRole('radio', { name: 'Very happy' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // The site's own opener takes the customer to the form.
    await page.getByRole('link', { name: 'Write to us' }).click();
    expect(await widget.getByRole('textbox', { name: 'Your message' }).evaluate((t) => (t.getRootNode() as ShadowRoot).activeElement === t)).toBe(true);

    await widget.getByRole('radio', { name: 'Happy', exact: true }).check();
    const message = unique('Found the contact form right where I needed it.');
    expect(await send(widget, message)).toMatch(/kind words|Thanks/);
    expect(await storedMessage(message)).toMatchObject({ rating: 4 });
    // Nothing to close inline: no Done button under the thank-you.
    expect(await widget.getByRole('button', { name: 'Done' }).count()).toBe(0);
  });
});
