import { describe, expect, it } from 'vitest';
import { api, createSite, getWithSecret, expectError } from './helpers.js';


describe('GET /v1/me', () => {
  it('tells each secret key its own id, role and site, whatever the role', async () => {
    const site = await createSite();
    const other = await createSite();
    for (const role of ['admin', 'support', 'pr'] as const) {
      const res = await getWithSecret('/v1/me', site.secretKeys[role]);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        keyId: `key_${site.id}_${role}`,
        role,
        site: { id: site.id, name: expect.stringMatching(/^Test site \d+$/) },
      });
    }
    // Another site's key answers its own site, never this one.
    const theirs = await (await getWithSecret('/v1/me', other.secretKeys.support)).json<{ site: { id: string } }>();
    expect(theirs.site.id).toBe(other.id);
  });

  it('answers no key, a publishable key, an unknown key and a revoked key with 401', async () => {
    const site = await createSite();
    await expectError(await api('/v1/me'), 401, 'unauthorized');
    await expectError(await getWithSecret('/v1/me', site.publishableKey), 401, 'unauthorized');
    await expectError(await getWithSecret('/v1/me', 'sk_test_not_a_key_anyone_has'), 401, 'unauthorized');
    await expectError(await api('/v1/me', { headers: { authorization: 'Basic abc' } }), 401, 'unauthorized');

    const revoked = await api(`/v1/keys/key_${site.id}_pr`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${site.secretKeys.admin}` },
    });
    expect(revoked.status).toBe(200);
    await expectError(await getWithSecret('/v1/me', site.secretKeys.pr), 401, 'unauthorized');
  });

  it('is in the OpenAPI document for any secret key', async () => {
    const doc = await (await api('/v1/openapi.json')).json<{ paths: Record<string, Record<string, { security: unknown }>> }>();
    expect(Object.keys(doc.paths['/v1/me']!)).toEqual(['get']);
    expect(doc.paths['/v1/me']!.get!.security).toEqual([{ secretKey: [] }]);
  });
});
