// The calibrated cuts the decision reads for a message.
import { describe, expect, it } from 'vitest';
import { featurize } from '../src/features.js';
import { thresholdsFor } from '../src/model.js';

describe('thresholdsFor', () => {
  it('asks a long review for a surer positive share than a short message before it is praise', () => {
    const short = thresholdsFor(featurize('Great service, thank you!'));
    const long = thresholdsFor(featurize('The room was lovely and the staff were friendly all week. '.repeat(8)));
    expect(long.positive).toBeGreaterThan(short.positive);
    expect(long.praise).toBe(short.praise);
    expect(long.complaint).toBe(short.complaint);
  });
});
