import {
  resilienceHubTier,
  resiliencyPolicyOf,
  toResilienceHubTemplate,
} from '../../../lib/export';
import { parseSpec } from '../../../lib/spec';
import { BUILT_IN_TIERS } from '../../../lib/tiers';
import type { RecoveryTier } from '../../../lib/model';

const spec = parseSpec({
  regions: { primary: 'us-east-1', recovery: 'us-west-2' },
  tiers: {
    'regional-only': { application: { rto: '2h', rpo: '30min' } },
    'fast-custom': {
      region: { rto: '10min', rpo: '1min' },
      application: { rto: '1h', rpo: '5min' },
    },
  },
  services: [
    { name: 'orders', tier: 'gold', owner: 'team-orders' },
    { name: 'ledger', tier: 'regional-only', owner: 'team-ledger' },
  ],
});

describe('toResilienceHubTemplate', () => {
  test('writes one resiliency policy per tier a service uses', () => {
    // WHEN
    const template = toResilienceHubTemplate(spec);
    // THEN
    expect(Object.keys(template.Resources).sort()).toEqual([
      'GoldResiliencyPolicy',
      'RegionalOnlyResiliencyPolicy',
    ]);
    expect(template.Resources.GoldResiliencyPolicy.Type).toBe(
      'AWS::ResilienceHub::ResiliencyPolicy',
    );
    expect(template.Resources.GoldResiliencyPolicy.Properties.PolicyName).toBe('continuity-gold');
  });

  test('maps application to Software, az to AZ and Hardware, region to Region, in seconds', () => {
    // WHEN
    const policy = toResilienceHubTemplate(spec, ['gold']).Resources.GoldResiliencyPolicy
      .Properties;
    // THEN
    const gold = BUILT_IN_TIERS.gold.objectives;
    expect(policy.Policy.Software).toEqual({
      RtoInSecs: gold.application?.rtoSeconds,
      RpoInSecs: gold.application?.rpoSeconds,
    });
    expect(policy.Policy.AZ).toEqual({
      RtoInSecs: gold.az?.rtoSeconds,
      RpoInSecs: gold.az?.rpoSeconds,
    });
    expect(policy.Policy.Hardware).toEqual(policy.Policy.AZ);
    expect(policy.Policy.Region).toEqual({ RtoInSecs: 3600, RpoInSecs: 900 });
    expect(policy.Tier).toBe('Critical');
  });

  test('fills the policies Resilience Hub requires from the application objective and leaves Region out when undeclared', () => {
    // WHEN
    const policy = resiliencyPolicyOf(spec.tiers['regional-only']);
    // THEN
    const expected = { RtoInSecs: 7200, RpoInSecs: 1800 };
    expect(policy).toEqual({ Software: expected, Hardware: expected, AZ: expected });
  });

  test('exports exactly the tiers asked for', () => {
    // WHEN
    const template = toResilienceHubTemplate(spec, ['platinum', 'fast-custom']);
    // THEN
    expect(Object.keys(template.Resources).sort()).toEqual([
      'FastCustomResiliencyPolicy',
      'PlatinumResiliencyPolicy',
    ]);
  });
});

describe('resilienceHubTier', () => {
  it.each([
    ['platinum', 'MissionCritical'],
    ['gold', 'Critical'],
    ['silver', 'Important'],
    ['bronze', 'NonCritical'],
  ] as const)('maps built-in %s to %s', (name, expected) => {
    expect(resilienceHubTier(BUILT_IN_TIERS[name])).toBe(expected);
  });

  it.each([
    ['a region RTO of 10min', { region: { rtoSeconds: 600, rpoSeconds: 60 } }, 'MissionCritical'],
    ['a region RTO of 1h', { region: { rtoSeconds: 3600, rpoSeconds: 60 } }, 'Critical'],
    [
      'an application RTO of 2h',
      { application: { rtoSeconds: 7200, rpoSeconds: 60 } },
      'Important',
    ],
    ['a region RTO of 1d', { region: { rtoSeconds: 86400, rpoSeconds: 60 } }, 'NonCritical'],
  ])('maps a custom tier with %s by its recovery time', (_case, objectives, expected) => {
    const tier: RecoveryTier = {
      name: 'custom',
      objectives,
      reviewEveryDays: 365,
      drillEveryDays: 365,
    };
    expect(resilienceHubTier(tier)).toBe(expected);
  });
});
