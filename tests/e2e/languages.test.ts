/**
 * The widget speaks the page's language (its `lang`, or the script tag's `data-lang`), else the
 * customer's browser languages, else English; and the site can replace any of its words.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, useBrowser } from '../support/browser.js';
import { openLauncher as openForm, shopPage, typeLikeAPerson } from '../support/pages.js';

const browser = useBrowser();

// A few words of each language, as a customer sees them.
const WORDS = {
  en: { launcher: 'Feedback', title: 'Send us feedback', message: 'Your message', send: 'Send', stars: '4 stars', thanks: /a person on our team will read this/ },
  es: { launcher: 'Comentarios', title: 'Envíanos tu opinión', message: 'Tu mensaje', send: 'Enviar', stars: '4 estrellas', thanks: /una persona de nuestro equipo leerá/ },
  fr: { launcher: 'Votre avis', title: 'Donnez-nous votre avis', message: 'Votre message', send: 'Envoyer', stars: '4 étoiles', thanks: /Une personne de notre équipe va lire/ },
  de: { launcher: 'Feedback', title: 'Feedback senden', message: 'Ihre Nachricht', send: 'Senden', stars: '4 Sterne', thanks: /Jemand aus unserem Team liest/ },
  pt: { launcher: 'Opinião', title: 'Envie sua opinião', message: 'Sua mensagem', send: 'Enviar', stars: '4 estrelas', thanks: /Uma pessoa da nossa equipe vai ler/ },
};

/** Pretends the customer's browser prefers these languages. */
const browserLanguages = (languages: string[]) => `Object.defineProperty(navigator, 'languages', { get: () => ${JSON.stringify(languages)} });`;

describe('languages', () => {
  for (const [lang, words] of Object.entries(WORDS)) {
    it(`speaks ${lang} on a page in ${lang}`, async () => {
      const page = await shopPage(browser(), { lang: lang === 'pt' ? 'pt-BR' : lang });
      const widget = await openForm(page, words.launcher);
      expect(await widget.getByRole('dialog', { name: words.title }).isVisible()).toBe(true);
      expect(await widget.getByRole('textbox', { name: words.message }).isVisible()).toBe(true);
      expect(await widget.getByRole('radio', { name: words.stars }).count()).toBe(1);
      expect(await widget.getByRole('button', { name: words.send, exact: true }).isVisible()).toBe(true);
      // Screen readers pronounce the form in its own language.
      expect(await widget.evaluate((el) => el.shadowRoot!.querySelector('.root')!.getAttribute('lang'))).toBe(lang);
      expect(await axeViolations(page), 'axe').toEqual([]);

      // The thank-you fits where the message went, in the same language.
      await typeLikeAPerson(widget.getByRole('textbox', { name: words.message }), `My order was charged twice. (${lang})`);
      await widget.getByRole('button', { name: words.send, exact: true }).click();
      const thanks = widget.getByRole('status').locator('p').first();
      await thanks.waitFor({ timeout: 15_000 });
      expect(await thanks.textContent()).toMatch(words.thanks);
    });
  }

  it("follows the customer's browser when the page's language is one it does not speak", async () => {
    const page = await shopPage(browser(), { lang: 'ja', body: '<h1>ショップ</h1>', initScript: browserLanguages(['ja', 'fr-CA', 'en']) });
    const widget = await openForm(page, WORDS.fr.launcher);
    expect(await widget.getByRole('dialog', { name: WORDS.fr.title }).isVisible()).toBe(true);
  });

  it('speaks English when neither the page nor the browser names a language it speaks', async () => {
    const page = await shopPage(browser(), { lang: '', initScript: browserLanguages(['ja', 'ko']) });
    const widget = await openForm(page, WORDS.en.launcher);
    expect(await widget.getByRole('dialog', { name: WORDS.en.title }).isVisible()).toBe(true);
  });

  it('takes data-lang on the script tag over the page, and the site’s own words over its own', async () => {
    const page = await shopPage(browser(), { lang: 'en', data: { lang: 'de' } });
    await page.evaluate(() => {
      (document.querySelector('tandem-feedback') as HTMLElement & { strings: object }).strings = {
        title: 'Sagen Sie uns alles',
        launcher: 'Hallo',
        thanks: { support: 'Wir kümmern uns sofort darum.' },
      };
    });
    const widget = await openForm(page, 'Hallo');
    expect(await widget.getByRole('dialog', { name: 'Sagen Sie uns alles' }).isVisible()).toBe(true);
    // The words the site did not replace stay German, in the groups too.
    expect(await widget.getByRole('textbox', { name: WORDS.de.message }).isVisible()).toBe(true);
    await widget.getByRole('combobox').selectOption({ label: 'Eine Idee' });
    await typeLikeAPerson(widget.getByRole('textbox', { name: WORDS.de.message }), 'My order was charged twice and nobody answers.');
    await widget.getByRole('button', { name: WORDS.de.send, exact: true }).click();
    await widget.getByRole('status').getByText('Wir kümmern uns sofort darum.').waitFor({ timeout: 15_000 });
  });
});
