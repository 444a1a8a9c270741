/**
 * The words of `<tandem-feedback>` itself (launcher and dialog frame), in one place so they can
 * be translated; the form's own words are in feedback-form/strings.ts, loaded with the form.
 */
export const strings = {
  launcher: 'Feedback',
  title: 'Send us feedback',
  close: 'Close',
  notLoaded: 'The feedback form could not be loaded. Please check your connection and try again.',
};

export type FeedbackStrings = typeof strings;
