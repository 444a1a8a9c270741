import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { elementsReference, MANIFEST, README, withReference } from '../../../scripts/docs.mjs';

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));

describe('the README reference of the web components', () => {
  it('is what custom-elements.json says (run `npm run docs` after changing a component)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(withReference(readme, elementsReference(manifest)));
  });

  it('documents every attribute, event, CSS custom property and part of <tandem-feedback>', () => {
    const feedback = manifest.modules.flatMap((m: any) => m.declarations).find((d: any) => d.tagName === 'tandem-feedback');
    const reference: string = elementsReference(manifest);
    const names = [
      ...feedback.attributes.map((a: any) => a.name),
      ...feedback.events.map((e: any) => e.name),
      ...feedback.cssProperties.map((p: any) => p.name),
      ...feedback.cssParts.map((p: any) => p.name),
    ];
    expect(names).toEqual(expect.arrayContaining(['site-key', 'lang', 'tandem-submit', '--tandem-accent', 'launcher']));
    for (const name of names) expect(reference).toContain(`\`${name}\``);
  });
});
