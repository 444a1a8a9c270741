/**
 * The English words of `<tandem-feedback>` itself (launcher and dialog frame). The script tag's
 * first download keeps them for when the form (and its language) cannot be loaded; the form's
 * own words are in feedback-form/strings.ts, and every language in locales/.
 */
export const strings = {
  launcher: 'Feedback',
  title: 'Send us feedback',
  close: 'Close',
  notLoaded: 'The form could not be loaded. Please check your connection and try again.',
};

export type FeedbackStrings = typeof strings;
