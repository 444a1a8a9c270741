import type { Category, Route } from '@tandem/sdk';

/** Every word of the form inside `<tandem-feedback>`'s dialog, in one place so it can be translated. */
export const strings = {
  done: 'Done',
  ratingLegend: 'How was your experience?',
  stars: (n: number) => (n === 1 ? '1 star' : `${n} stars`),
  /** The five faces, from 1 (worst) to 5 (best). */
  faces: ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy'],
  scaleLegend: 'How likely are you to recommend us to a friend?',
  scaleHint: '0 = not at all likely, 10 = extremely likely',
  category: 'What is it about? (optional)',
  categoryNone: 'Choose…',
  categories: {
    problem: 'A problem',
    question: 'A question',
    idea: 'An idea',
    praise: 'Praise',
  } satisfies Record<Category, string>,
  message: 'Your message',
  messageRequired: 'Please write a message.',
  email: 'Email (optional)',
  emailHint: 'So we can reply to you.',
  name: 'Name (optional)',
  consent: 'You may quote me publicly',
  send: 'Send',
  sending: 'Sending…',
  notSent: 'Your message was not sent.',
  checkInput: 'Please check what you entered and try again.',
  // Only when the browser cannot keep the message either: say only what we know.
  notConfirmed: 'We could not confirm that your message arrived. Please press Send again.',
  notConfigured: 'This feedback form is not set up correctly, so it cannot send messages yet.',
  // Checked in this order: a person answering matters more to the customer than who else reads it.
  thanks: {
    support: 'Thanks — a person on our team will read this.',
    product: 'Thanks for the idea — it goes straight to our product team.',
    pr: 'Thank you for the kind words!',
  } satisfies Partial<Record<Route, string>>,
  thanksDefault: 'Thanks for your feedback.',
  followUpEmail: 'Would you like a reply? Add your email address:',
  followUpAdd: 'Add',
  followUpDone: 'Thanks — we will reply to you by email.',
  followUpFailed: 'Your email address could not be added. Please try again.',
  queued: 'We could not send your message yet, so it is saved on this device and will be sent automatically.',
};

export type FeedbackFormStrings = typeof strings;
