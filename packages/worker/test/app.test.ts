import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { api, type Envelope } from './helpers.js';

describe('every response', () => {
  it('answers an unknown route with a 404 envelope and a request id', async () => {
    const res = await api('/v1/nothing-here');
    expect(res.status).toBe(404);
    const { error } = await res.json<Envelope>();
    expect(error).toEqual({ code: 'not_found', message: expect.stringContaining('/v1/nothing-here'), requestId: expect.any(String) });
    expect(res.headers.get('x-request-id')).toBe(error.requestId);
  });

  it('gives each request its own id, never one the client chose', async () => {
    const [a, b] = await Promise.all([api('/v1/openapi.json'), api('/v1/openapi.json')]);
    expect(a.headers.get('x-request-id')).toBeTruthy();
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    const spoofed = await api('/v1/nothing-here', { headers: { 'x-request-id': 'attacker-chosen-id' } });
    expect(spoofed.headers.get('x-request-id')).not.toBe('attacker-chosen-id');
    expect((await spoofed.json<Envelope>()).error.requestId).toBe(spoofed.headers.get('x-request-id'));
  });
});

describe('GET /v1/openapi.json', () => {
  it('serves an OpenAPI 3.1 document describing the routes and the error envelope', async () => {
    const res = await api('/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json<{ openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths['/v1/feedback']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/v1/feedback/{id}']!).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(doc.paths['/v1/testimonials']!)).toEqual(['get']);
    expect(doc.components.schemas).toHaveProperty('Error');
    expect(doc.components.schemas).toHaveProperty('FeedbackInput');
    expect(doc.components.schemas).toHaveProperty('FeedbackUpdate');
  });
});

describe('the OpenAPI document', () => {
  it('lists every route the app serves, with its method', async () => {
    const doc = await (await api('/v1/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    // What Hono routes, middleware (method ALL) and the document itself aside; :id is {id} in OpenAPI.
    const served = createApp()
      .routes.filter((r) => r.method !== 'ALL' && r.path !== '/v1/openapi.json')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThanOrEqual(4);
    expect([...new Set(served)].sort()).toEqual(documented.sort());
  });
});

describe('the demo seed', () => {
  it('creates a site whose README keys work from the demo origin', async () => {
    await applyD1Migrations(env.DB, env.DEMO_SEED, 'demo_seed');
    const posted = await api('/v1/feedback', {
      method: 'POST',
      headers: {
        authorization: 'Bearer pk_demo_3b7f1d6a92e04c8b5a1f7e2d',
        'content-type': 'application/json',
        origin: 'http://127.0.0.1:8787',
      },
      body: JSON.stringify({ message: 'Testing the demo site', rating: 4 }),
    });
    expect(posted.status).toBe(201);
    const listed = await api('/v1/feedback', {
      headers: { authorization: 'Bearer sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8' },
    });
    expect(listed.status).toBe(200);
    expect((await listed.json<{ data: { message: string }[] }>()).data.map((f) => f.message)).toContain('Testing the demo site');
    const wall = await api('/v1/testimonials?siteKey=pk_demo_3b7f1d6a92e04c8b5a1f7e2d');
    // Seven approved for the demo page's wall; the draft stays off it.
    expect((await wall.json<{ data: unknown[] }>()).data).toHaveLength(7);
  });
});
