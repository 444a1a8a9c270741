import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors.js';

/** No message, contact or consent needs more; anything bigger is refused before it is read. */
export const MAX_BODY_BYTES = 32 * 1024;

export const limitBody = () =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError('payload_too_large', `The body is over ${MAX_BODY_BYTES / 1024} KB.`);
    },
  });
