import { describe, expect, it } from 'vitest';
import { api, type Envelope } from './helpers.js';

describe('GET /dashboard/feedback/{id}', () => {
  it('sends the link a delivery carries to the dashboard page, which opens the message its fragment names', async () => {
    const res = await api('/dashboard/feedback/fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/dashboard/#feedback/fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3');
  });

  it('answers anything but a feedback id with the 404 envelope', async () => {
    for (const path of ['/dashboard/feedback/nope', '/dashboard/feedback/fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3%2F..%2Fx', '/dashboard/other']) {
      const res = await api(path, { redirect: 'manual' });
      expect(res.status).toBe(404);
      expect((await res.json<Envelope>()).error.code).toBe('not_found');
    }
  });
});
