import type { Route } from '@tandem/sdk';

/** Every word of the form inside `<tandem-feedback>`'s dialog, in one place so it can be translated. */
export const strings = {
  done: 'Done',
  ratingLegend: 'How was your experience?',
  stars: (n: number) => (n === 1 ? '1 star' : `${n} stars`),
  message: 'Your message',
  messageRequired: 'Please write a message.',
  email: 'Email (optional)',
  emailHint: 'So we can reply to you.',
  name: 'Name (optional)',
  consent: 'You may quote me publicly',
  send: 'Send',
  sending: 'Sending…',
  notSent: 'Your message was not sent.',
  // After a timeout or a dropped connection the message may well have arrived: say only what we know.
  notConfirmed: 'We could not confirm that your message arrived. Please press Send again.',
  notConfigured: 'This feedback form is not set up correctly, so it cannot send messages yet.',
  // Checked in this order: a person answering matters more to the customer than who else reads it.
  thanks: {
    support: 'Thanks — a person on our team will read this.',
    product: 'Thanks for the idea — it goes straight to our product team.',
    pr: 'Thank you for the kind words!',
  } satisfies Partial<Record<Route, string>>,
  thanksDefault: 'Thanks for your feedback.',
};

export type FeedbackFormStrings = typeof strings;
