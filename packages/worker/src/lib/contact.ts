/**
 * Contact details in text meant for the public. A testimonial wall never shows an email address
 * or a phone number (PRODUCT.md, "Private by default"), even when the customer wrote one into
 * the message PR wants to quote, so the studio refuses quotes and names that hold one.
 */

const EMAIL = /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[a-z]{2,}/i;
// A run of digits (of any script: Arabic-Indic ٠٧٧ too) with the usual separators between them:
// "+44 20 7946 0958", "(555) 123-4567".
const DIGIT_RUN = /\+?\(?\p{Nd}(?:[\s().\/-]{0,2}\p{Nd})+/gu;
// Invisible format characters (zero-width spaces and joiners, direction marks) that could split a number.
const INVISIBLE = /\p{Cf}/gu;
// Nine digits, or seven after a "+": shorter runs are order numbers, dates, prices and postcodes.
const PHONE_DIGITS = 9;
const INTERNATIONAL_DIGITS = 7;

/** What kind of contact detail `text` holds, or null when it holds none. */
export function findContact(written: string): 'an email address' | 'a phone number' | null {
  // NFKC reads look-alikes as the characters they stand for: full-width ０７７００ and ＠, ＋, （）,
  // －, ．, the small ﹫ and mathematical 𝟎 become 07700, @, +, (), -, . and 0.
  const text = written.normalize('NFKC').replace(INVISIBLE, '');
  if (EMAIL.test(text)) return 'an email address';
  for (const [run] of text.matchAll(DIGIT_RUN)) {
    const digits = run.replace(/\P{Nd}/gu, '').length;
    if (digits >= PHONE_DIGITS || (run.startsWith('+') && digits >= INTERNATIONAL_DIGITS)) return 'a phone number';
  }
  return null;
}
