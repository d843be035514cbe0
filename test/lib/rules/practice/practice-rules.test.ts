import { drillOnTime, planReviewedOnTime, suppressionsCurrent } from '../../../../lib/rules';
import { TIERS, inventory, service, spec } from '../../engine/builders';
import { outcomes, statusOf } from '../harness';

describe('RR-GOV1 planReviewedOnTime', () => {
  // TODAY is 2026-11-21; the `relaxed` tier reviews every 365 days.
  it.each([
    ['passes when reviewed within the cadence', { reviewedOn: '2026-01-01' }, 'compliant'],
    ['fails when the review is overdue', { reviewedOn: '2025-11-20' }, 'non-compliant'],
    ['fails when never reviewed', { reviewedOn: undefined }, 'non-compliant'],
    ['is unknown when the date does not parse', { reviewedOn: 'last spring' }, 'unknown'],
  ] as const)('%s', (_case, change, expected) => {
    expect(statusOf(planReviewedOnTime, spec([service('orders', change)]), inventory())).toBe(
      expected,
    );
  });

  test('skips services whose tier is not defined', () => {
    expect(
      statusOf(planReviewedOnTime, spec([service('orders', { tier: 'missing' })]), inventory()),
    ).toBe('not-applicable');
  });

  test('says how old the review is', () => {
    const [o] = outcomes(
      planReviewedOnTime,
      spec([service('orders', { reviewedOn: '2025-11-20' })]),
      inventory(),
    );
    expect(o.message).toBe(
      "service 'orders' last had a review on 2025-11-20, 366 days ago; tier 'relaxed' allows 365 days",
    );
  });
});

describe('RR-GOV2 drillOnTime', () => {
  const tiers = { ...TIERS, drilled: { ...TIERS.relaxed, name: 'drilled', drillEveryDays: 30 } };
  it.each([
    ['passes when drilled within the cadence', { lastDrill: '2026-11-01' }, 'compliant'],
    ['fails when the drill is overdue', { lastDrill: '2026-10-01' }, 'non-compliant'],
    ['fails when never drilled', { lastDrill: undefined }, 'non-compliant'],
    ['is unknown when the date does not parse', { lastDrill: '2026-13-45x' }, 'unknown'],
  ] as const)('%s', (_case, change, expected) => {
    expect(
      statusOf(
        drillOnTime,
        spec([service('orders', { tier: 'drilled', ...change })], { tiers }),
        inventory(),
      ),
    ).toBe(expected);
  });
});

describe('RR-SUP1 suppressionsCurrent', () => {
  it.each([
    ['passes for a suppression not yet expired', { expires: '2026-12-31' }, 'compliant'],
    ['fails for an expired suppression', { expires: '2026-11-20' }, 'non-compliant'],
    ['skips a suppression without expiry', {}, 'not-applicable'],
    ['is unknown for an expiry that is not a date', { expires: 'soon' }, 'unknown'],
  ] as const)('%s', (_case, change, expected) => {
    const s = spec([service('orders')], {
      suppressions: [{ rule: 'RR-INV3', resource: 'orders', reason: 'r', ...change }],
    });
    expect(statusOf(suppressionsCurrent, s, inventory())).toBe(expected);
  });
});
