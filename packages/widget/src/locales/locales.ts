import type { FeedbackStrings } from '../feedback/strings.js';
import type { FeedbackFormStrings } from '../feedback-form/strings.js';

/** Every word `<tandem-feedback>` shows. */
export type TandemStrings = FeedbackStrings & FeedbackFormStrings;

/** What the `strings` property takes: any of the words, the groups (thanks, categories) word by word. */
export type TandemStringOverrides = Partial<Omit<TandemStrings, 'thanks' | 'categories'>> & {
  thanks?: Partial<TandemStrings['thanks']>;
  categories?: Partial<TandemStrings['categories']>;
};

/**
 * What a language pack holds: all but the launcher's word, which the first download carries,
 * and "could not be loaded", which is only ever shown when the pack could not be loaded either
 * (so it is English, unless the site's `strings` give their own).
 */
export type LocalePack = Omit<TandemStrings, 'launcher' | 'notLoaded'>;

export type Language = 'en' | 'es' | 'fr' | 'de' | 'pt';

// The launcher's word is all a page shows before the customer heads for it, so only that is in
// the first download; the rest of each language comes with the form (see loadLocale).
const LAUNCHER: Record<Language, string> = {
  en: 'Feedback',
  es: 'Comentarios',
  fr: 'Votre avis',
  de: 'Feedback',
  pt: 'Opinião',
};

const PACKS = {
  en: () => import('./en.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  pt: () => import('./pt.js'),
};

/**
 * The language to speak: the element's own `lang` (or the nearest ancestor's, up to `<html>`),
 * else the customer's browser languages in order, else English. Regional tags use their
 * language ("pt-PT" → pt); a page in a language we lack falls through to the browser's.
 */
export function pickLanguage(el: Element): Language {
  const page = el.closest('[lang]')?.getAttribute('lang');
  for (const tag of [page, ...navigator.languages]) {
    const language = tag?.split('-')[0]!.toLowerCase();
    if (language && language in LAUNCHER) return language as Language;
  }
  return 'en';
}

export const launcherWord = (language: Language): string => LAUNCHER[language];

/** Every word of one language but the launcher's, fetched with the form. */
export const loadLocale = (language: Language): Promise<LocalePack> => PACKS[language]().then((m) => m.strings);
