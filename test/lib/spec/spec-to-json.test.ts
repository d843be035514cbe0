import * as fc from 'fast-check';

import { DISRUPTIONS } from '../../../lib/model';
import { loadSpec, parseSpec, specToJson } from '../../../lib/spec';
import { NOW, validDocument } from './fixtures';

describe('specToJson', () => {
  it('round-trips the example spec through JSON text and parseSpec', () => {
    // GIVEN the example spec
    const spec = loadSpec('examples/continuity.yaml', { now: NOW });
    // WHEN written as JSON text (as in template metadata) and parsed back
    const back = parseSpec(JSON.parse(JSON.stringify(specToJson(spec))), { now: NOW });
    // THEN
    expect(back).toEqual(spec);
  });

  it('keeps removed built-in objectives removed', () => {
    // GIVEN gold without its account objective
    const doc = validDocument();
    doc.tiers.gold = { account: null, description: null };
    const spec = parseSpec(doc, { now: NOW });
    // WHEN
    const json = specToJson(spec);
    // THEN
    expect(json.tiers?.gold.account).toBeNull();
    expect(parseSpec(json, { now: NOW })).toEqual(spec);
  });

  it('round-trips any tier objectives', () => {
    // GIVEN random objectives for a custom tier (at least one disruption)
    const objective = fc.record({
      rtoSeconds: fc.integer({ min: 3 * 86_400, max: 30 * 86_400 }),
      rpoSeconds: fc.integer({ min: 86_400, max: 30 * 86_400 }),
    });
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(DISRUPTIONS.map((d) => [d, objective])), {
          requiredKeys: ['region'],
        }),
        fc.integer({ min: 1, max: 3_650 }),
        (objectives, days) => {
          const spec = parseSpec(validDocument(), { now: NOW });
          const custom = {
            ...spec,
            tiers: {
              ...spec.tiers,
              random: { name: 'random', objectives, reviewEveryDays: days, drillEveryDays: days },
            },
          };
          // WHEN
          const back = parseSpec(specToJson(custom), { now: NOW });
          // THEN
          expect(back).toEqual(custom);
        },
      ),
      { numRuns: 50 },
    );
  });
});
