/**
 * Closing the loop: support resolves a complaint and invites the customer to say how it went; the
 * customer opens the link, a page of the worker with the widget inline, and answers with praise
 * using the keyboard; the answer is stored linked to the complaint (checked through the admin
 * API) and the dashboard links the two. The page is checked with axe, for CSP violations, and for
 * a link that does not exist.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, saveScreenshot, tabTo, useBrowser } from '../support/browser.js';
import { dashboardSite, detailPane, openDashboard, openMessage, sendMessage, signIn, type DashboardSite } from '../support/dashboard.js';
import { typeLikeAPerson } from '../support/pages.js';

const endpoint = inject('endpoint');
const browser = useBrowser();
let site: DashboardSite;
let complaint: string;
const COMPLAINT = 'My grinder arrived broken and nobody answers my emails.';
const PRAISE = 'You sent a new grinder the next day. Wonderful service, thank you!';

beforeAll(async () => {
  // The demo's name, as the README's screenshot of the page shows it.
  site = await dashboardSite('Northwind Coffee Roasters', { exactName: true });
  complaint = await sendMessage(site, { message: COMPLAINT, rating: 1, email: 'sam@example.com' });
});

describe('closing the loop', () => {
  it('triages a complaint to resolved and sends the invitation; the customer answers with praise from the link', async () => {
    // Support resolves the complaint, then invites the customer.
    const { page, problems } = await openDashboard(browser());
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: endpoint });
    await signIn(page, site.keys.support, 'Ana Ruiz');
    await openMessage(page, COMPLAINT);
    const pane = detailPane(page);
    const invite = pane.getByRole('button', { name: 'Invite to say how it went' });
    // Not before it is resolved.
    expect(await invite.count()).toBe(0);
    await pane.getByRole('button', { name: 'Resolved' }).click();
    await invite.click();
    const link = pane.getByRole('textbox', { name: /^Link to send to sam@example\.com/ });
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(new RegExp(`^${endpoint}/how-did-it-go/ivt_[0-9a-f]{32}$`));
    await pane.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied.').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const mailto = await pane.getByRole('link', { name: 'Email the customer' }).getAttribute('href');
    expect(mailto).toMatch(/^mailto:sam%40example\.com\?subject=How%20did%20it%20go%3F&body=/);
    const body = decodeURIComponent(new URL(mailto!).searchParams.get('body')!);
    expect(body).toContain(url);
    // The customer may live in another time zone than the agent: the expiry names the agent's.
    const zone = await page.evaluate(() => new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')!.value);
    expect(body).toMatch(new RegExp(`works until .+ ${zone.replace(/[+]/g, '\\+')}\\.`));
    await pane.getByRole('listitem').filter({ hasText: /Invited by Ana Ruiz \(Support\) on [\s\S]+:\s+no answer yet/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect((await site.admin.feedback.get(complaint)).invitations).toEqual([
      expect.objectContaining({ answeredBy: null, by: expect.objectContaining({ role: 'support', actor: 'Ana Ruiz' }) }),
    ]);

    // The customer opens the link: the site's name, when they wrote, and the form.
    const customer = await openDashboard(browser(), { path: new URL(url).pathname });
    const widget = customer.page.locator('tandem-feedback');
    await customer.page.getByRole('heading', { level: 1, name: site.name }).waitFor();
    await customer.page.getByText(/^You wrote to us on \d{1,2} \w+ \d{4}\. How did it go\?$/).waitFor();
    const firstStar = widget.getByRole('radio', { name: '1 star' });
    await firstStar.waitFor();
    expect(await axeViolations(customer.page)).toEqual([]);
    await customer.page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(customer.page)).toEqual([]);
    await customer.page.emulateMedia({ colorScheme: 'light' });
    await saveInvitationScreenshot(customer.page);

    // Five stars, the words and consent to be quoted, all from the keyboard.
    await tabTo(customer.page, firstStar);
    await customer.page.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await customer.page.keyboard.press('ArrowRight');
    expect(await widget.getByRole('radio', { name: '5 stars' }).isChecked()).toBe(true);
    const words = widget.getByRole('textbox', { name: 'Your message' });
    await tabTo(customer.page, words);
    await typeLikeAPerson(words, PRAISE);
    await tabTo(customer.page, widget.getByRole('checkbox', { name: 'You may quote me publicly' }));
    await customer.page.keyboard.press('Space');
    await tabTo(customer.page, widget.getByRole('button', { name: 'Send' }));
    await customer.page.keyboard.press('Enter');
    await widget.getByText('Thank you for the kind words!').waitFor({ timeout: 15_000 });
    expect(customer.problems).toEqual([]);

    // Stored as praise, with consent, linked to the complaint; the page's token is not kept.
    const answer = (await site.admin.feedback.list({ q: 'Wonderful service' })).data[0]!;
    expect(answer).toMatchObject({ message: PRAISE, label: 'praise', rating: 5, invitedAfter: complaint, metadata: null, pageUrl: null });
    expect(answer.consent.publish).toBe(true);
    expect((await site.admin.feedback.get(complaint)).invitations[0]).toMatchObject({ answeredBy: answer.id });
    // The link takes one answer: opened again, it thanks instead of showing the form.
    const again = await customer.page.goto(url);
    expect(again!.status()).toBe(410);
    await customer.page.getByText('We already have your answer').waitFor();

    // In the dashboard, the answer links back to the complaint, and the complaint to the answer.
    await page.evaluate((id) => (location.hash = `#feedback/${id}`), answer.id);
    const back = pane.getByRole('link', { name: 'their earlier message' });
    await pane.getByText('Answers the invitation sent after').waitFor();
    expect(await back.getAttribute('href')).toBe(`#feedback/${complaint}`);
    await back.click();
    await pane.getByRole('heading', { level: 2, name: /^Complaint/ }).waitFor();
    await pane.getByRole('listitem').filter({ hasText: /Invited by Ana Ruiz \(Support\) on [\s\S]+:\s+answered on [\s\S]+\s*\(read the answer\)/ }).waitFor();
    expect(await pane.getByRole('link', { name: 'read the answer' }).getAttribute('href')).toBe(`#feedback/${answer.id}`);
    expect(problems).toEqual([]);

    // In PR's studio the praise is marked as a recovered customer's, linking to the complaint.
    const pr = await openDashboard(browser());
    await signIn(pr.page, site.keys.pr);
    const card = pr.page.locator('tandem-studio li.card').filter({ hasText: 'Wonderful service' });
    const mark = card.getByRole('link', { name: 'Recovered customer' });
    await mark.waitFor();
    expect(await mark.getAttribute('href')).toBe(`#feedback/${complaint}`);
    expect(await axeViolations(pr.page)).toEqual([]);
    expect(pr.problems).toEqual([]);
    await Promise.all([page.close(), customer.page.close(), pr.page.close()]);
  });

  it('offers no invitation to a pr key, nor for a resolved message without an email', async () => {
    const anonymous = await sendMessage(site, { message: 'The lid of my tin does not close properly.', rating: 2 });
    await site.admin.feedback.setStatus(anonymous, { status: 'resolved' });
    const { page, problems } = await openDashboard(browser(), { path: `/dashboard#feedback/${anonymous}` });
    await signIn(page, site.keys.support);
    await detailPane(page).getByText('The lid of my tin').waitFor();
    expect(await detailPane(page).getByRole('button', { name: /Invite/ }).count()).toBe(0);

    const pr = await openDashboard(browser(), { path: `/dashboard#feedback/${complaint}` });
    await signIn(pr.page, site.keys.pr);
    await detailPane(pr.page).getByText(COMPLAINT).waitFor();
    // PR sees what was sent, but may not send another.
    await detailPane(pr.page).getByText(/Invited by Ana Ruiz/).waitFor();
    expect(await detailPane(pr.page).getByRole('button', { name: /Invite/ }).count()).toBe(0);
    expect([...problems, ...pr.problems]).toEqual([]);
    await Promise.all([page.close(), pr.page.close()]);
  });

  it('answers a link that does not exist with a friendly page, without errors', async () => {
    const page = await browser().newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('404') && violations.push(m.text()));
    const response = await page.goto(`${endpoint}/how-did-it-go/ivt_${'0'.repeat(32)}`);
    expect(response!.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'We could not find this link' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });
});

/** The page the customer sees, for the README. */
async function saveInvitationScreenshot(page: Page) {
  const shot = await saveScreenshot(page, 'how-did-it-go', { fullPage: true });
  expect(shot.length).toBeGreaterThan(10_000);
}
