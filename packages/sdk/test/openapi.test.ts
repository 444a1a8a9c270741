// The OpenAPI document the running worker serves, checked by a real validator (in Node, where
// the validator runs), against `wrangler dev`.
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, inject, it } from 'vitest';

const endpoint = inject('endpoint');

describe('/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = (await (await fetch(`${endpoint}/v1/openapi.json`)).json()) as any;
    const valid = (await SwaggerParser.validate(structuredClone(doc))) as { openapi?: string; paths?: object };
    expect(valid.openapi).toBe('3.1.0');
    expect(Object.keys(valid.paths ?? {})).toContain('/v1/feedback/{id}');
  });

  it('would catch a broken document: the validator is not a formality', async () => {
    const doc = (await (await fetch(`${endpoint}/v1/openapi.json`)).json()) as any;
    doc.paths['/v1/feedback'].post.responses['201'].content['application/json'].schema = { $ref: '#/components/schemas/Nowhere' };
    await expect(SwaggerParser.validate(doc)).rejects.toThrow();
  });
});
