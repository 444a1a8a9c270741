/**
 * @tandem/widget: Tandem's web components. Importing this module defines `<tandem-feedback>`.
 *
 * @example
 * import '@tandem/widget';
 * // <tandem-feedback site-key="pk_…" endpoint="https://feedback.example.com"></tandem-feedback>
 */
export { TandemFeedback } from './feedback/feedback.js';
export { strings as feedbackStrings } from './feedback/strings.js';
export type { FeedbackStrings } from './feedback/strings.js';
export { strings as feedbackFormStrings } from './feedback-form/strings.js';
export type { FeedbackFormStrings } from './feedback-form/strings.js';
export type { TandemStrings, TandemStringOverrides, Language } from './locales/locales.js';
export type { TandemSubmitDetail, TandemErrorDetail } from './events.js';
export { TandemTestimonials } from './testimonials/testimonials.js';
export { strings as testimonialsStrings } from './testimonials/strings.js';
export type { TestimonialsStrings } from './testimonials/strings.js';
export type { TandemLoadDetail } from './events.js';
