/**
 * What the studio's routes share: who is acting, and approving or withdrawing a testimonial,
 * which changes the public wall and so forgets its cached copy.
 */
import { findTestimonial, setTestimonialStatus } from '../db/testimonials.js';
import type { AppContext } from '../env.js';
import { ApiError } from '../errors.js';
import { byWhom } from '../middleware/keys.js';
import type { StudioTestimonialDetail } from '../schemas/testimonial.js';
import { forgetTestimonials } from './testimonials-cache.js';

export const NO_TESTIMONIAL = 'This site has no testimonial with that id.';
export const NO_CONSENT =
  'The customer has not agreed to be quoted ("you may quote me publicly" was not ticked, or was withdrawn), ' +
  'so the message cannot be published.';

/**
 * Puts a testimonial on the wall or takes it off, and answers it as it now is. Asking for the
 * status it already has changes nothing, so a retry is safe.
 */
export async function changeStatus(
  c: AppContext,
  id: string,
  status: 'approved' | 'withdrawn',
  actor: string | undefined,
): Promise<StudioTestimonialDetail> {
  const db = c.env.DB;
  const siteId = c.get('site').id;
  const before = await findTestimonial(db, siteId, id);
  if (!before) throw new ApiError('not_found', NO_TESTIMONIAL);
  if (before.status !== status) {
    // No message (retention took it): nothing shows the customer agreed, so it cannot go back up.
    if (status === 'approved' && !before.source?.consent.publish) throw new ApiError('no_consent', NO_CONSENT);
    if (await setTestimonialStatus(db, siteId, id, status, byWhom(c, actor), new Date().toISOString())) {
      if (before.status === 'approved' || status === 'approved') await forgetTestimonials(siteId);
    }
  }
  const after = await findTestimonial(db, siteId, id);
  if (!after) throw new ApiError('not_found', NO_TESTIMONIAL);
  // Consent withdrawn between the read above and the change, which then did not happen.
  if (after.status !== status && status === 'approved' && !after.source?.consent.publish) {
    throw new ApiError('no_consent', NO_CONSENT);
  }
  return after;
}
