import { DEFAULT_COST_MODEL, parseBia, recommendTier, tierRunningCost } from '../../../lib/bia';
import type { CostModel, ServiceImpact } from '../../../lib/bia';
import type { RecoveryTier } from '../../../lib/model';

const HOUR = 3_600;
const MIN = 60;

/** A cost model where only compute and health checks cost money, so the arithmetic stays small. */
const COMPUTE_ONLY: CostModel = {
  ...DEFAULT_COST_MODEL,
  healthCheckPerMonth: 0.5,
  healthChecksPerStrategy: {
    'backup-restore': 0,
    'pilot-light': 2,
    'warm-standby': 2,
    'active-active': 2,
  },
  standbyComputeFraction: {
    'backup-restore': 0,
    'pilot-light': 0.1,
    'warm-standby': 0.5,
    'active-active': 1,
  },
};

function tier(
  name: string,
  strategy: RecoveryTier['strategy'],
  rto: number,
  rpo: number,
): RecoveryTier {
  return {
    name,
    strategy,
    objectives: { application: { rtoSeconds: rto, rpoSeconds: rpo } },
    reviewEveryDays: 180,
    drillEveryDays: 90,
  };
}

const TIERS: Record<string, RecoveryTier> = {
  fast: tier('fast', 'warm-standby', 1 * HOUR, 15 * MIN),
  medium: tier('medium', 'pilot-light', 2 * HOUR, 30 * MIN),
  slow: tier('slow', 'backup-restore', 4 * HOUR, 1 * HOUR),
};

function service(downtimePerHour: number, extra: Partial<ServiceImpact> = {}): ServiceImpact {
  return {
    name: 'payments',
    downtimeCost: [{ afterSeconds: 0, perHour: downtimePerHour }],
    dataLossCostPerHour: 1_000,
    frequencies: { application: 1, az: 0, region: 0, account: 0 },
    stores: [],
    computeCostPerMonth: 1_000,
    ...extra,
  };
}

describe('recommendTier', () => {
  test('recommends the tier with the lowest expected loss plus running cost when downtime is dear', () => {
    // GIVEN downtime costs 10 000/h, one application disruption a year
    // fast:   loss 1 × (1h × 10 000 + 0.25h × 1 000) = 10 250; run 0.5 × 1 000 × 12 + 2 × 0.5 × 12 = 6 012; total 16 262
    // medium: loss 1 × (2h × 10 000 + 0.5h × 1 000)  = 20 500; run 0.1 × 1 000 × 12 + 12 = 1 212;         total 21 712
    // slow:   loss 1 × (4h × 10 000 + 1h × 1 000)    = 41 000; run 0;                                     total 41 000
    const impact = service(10_000);
    // WHEN
    const result = recommendTier(impact, TIERS, COMPUTE_ONLY);
    // THEN
    expect(result.best?.tier).toBe('fast');
    expect(result.best?.expectedAnnualLoss).toBeCloseTo(10_250);
    expect(result.best?.runningCost.annual).toBeCloseTo(6_012);
    expect(result.best?.totalAnnualCost).toBeCloseTo(16_262);
    expect(result.runnerUp?.tier).toBe('medium');
    expect(result.runnerUp?.totalAnnualCost).toBeCloseTo(21_712);
    expect(result.evaluations.map((e) => e.tier)).toEqual(['fast', 'medium', 'slow']);
    expect(result.why.join('\n')).toMatch(
      /fast: expected loss 10,250 \+ running cost 6,012 = 16,262/,
    );
    expect(result.why.join('\n')).toMatch(
      /fast saves 10,250 of expected loss for 4,800 more running cost/,
    );
  });

  test('flags a declared tier as under-provisioned when more protection pays for itself', () => {
    // GIVEN the same numbers, declared at slow (41 000 vs 16 262 for fast)
    const impact = service(10_000, { declaredTier: 'slow' });
    // WHEN
    const result = recommendTier(impact, TIERS, COMPUTE_ONLY);
    // THEN
    expect(result.declared?.flag).toBe('under-provisioned');
    // slow leaves 41 000 − 10 250 = 30 750 more expected loss; fast costs 41 000 − 16 262 = 24 738 less
    expect(result.declared?.reasons[0]).toMatch(/30,750 more expected loss.*24,738 less/);
  });

  test('flags a declared tier as over-provisioned when a cheaper tier costs less in total', () => {
    // GIVEN downtime costs only 1 000/h
    // fast:   loss 1 000 + 250 = 1 250;  run 6 012; total 7 262
    // medium: loss 2 000 + 500 = 2 500;  run 1 212; total 3 712  <- best
    // slow:   loss 4 000 + 1 000 = 5 000; run 0;    total 5 000  <- runner-up
    const impact = service(1_000, { declaredTier: 'fast' });
    // WHEN
    const result = recommendTier(impact, TIERS, COMPUTE_ONLY);
    // THEN
    expect(result.best?.tier).toBe('medium');
    expect(result.best?.totalAnnualCost).toBeCloseTo(3_712);
    expect(result.runnerUp?.tier).toBe('slow');
    expect(result.declared?.flag).toBe('over-provisioned');
    // 6 012 − 1 212 = 4 800 less to run, 7 262 − 3 712 = 3 550 less in total
    expect(result.declared?.reasons[0]).toMatch(
      /medium costs 4,800 less to run and 3,550 less in total/,
    );
  });

  test('accepts the declared tier when it is the best one', () => {
    // GIVEN
    const impact = service(1_000, { declaredTier: 'medium' });
    // WHEN
    const result = recommendTier(impact, TIERS, COMPUTE_ONLY);
    // THEN
    expect(result.declared?.flag).toBe('ok');
  });

  test('excludes tiers that break the regulatory maximum outage, with the reason', () => {
    // GIVEN a regulator allows 90 minutes; medium (2h) and slow (4h) break it
    const impact = service(1_000, { maxOutageSeconds: 90 * MIN, declaredTier: 'medium' });
    // WHEN
    const result = recommendTier(impact, TIERS, COMPUTE_ONLY);
    // THEN fast wins although it is the dearest in total (7 262)
    expect(result.best?.tier).toBe('fast');
    expect(result.runnerUp).toBeUndefined();
    const slow = result.evaluations.find((e) => e.tier === 'slow');
    expect(slow?.excludedBecause).toEqual([
      'application RTO 4h exceeds the maximum outage 1h30min',
    ]);
    expect(result.why.join('\n')).toMatch(
      /medium excluded: application RTO 2h exceeds the maximum outage 1h30min/,
    );
    expect(result.declared).toEqual({
      tier: 'medium',
      flag: 'under-provisioned',
      reasons: ['application RTO 2h exceeds the maximum outage 1h30min'],
    });
  });

  test('excludes tiers that break the maximum data loss or promise nothing for a disruption', () => {
    // GIVEN max data loss 20 min, and region disruptions that no tier promises to recover from
    const impact = service(1_000, {
      maxDataLossSeconds: 20 * MIN,
      frequencies: { application: 1, az: 0, region: 0.05, account: 0 },
    });
    // WHEN
    const result = recommendTier(impact, TIERS, COMPUTE_ONLY);
    // THEN
    expect(result.best).toBeUndefined();
    const fast = result.evaluations.find((e) => e.tier === 'fast');
    expect(fast?.excludedBecause).toEqual([
      'promises no recovery from region, but the maximum data loss is 20min',
    ]);
    expect(result.why[0]).toMatch(/no tier meets the regulatory maxima/);
  });

  test('integrates a downtime cost curve over the RTO', () => {
    // GIVEN nothing for the first 90 minutes, then 12 000/h
    // fast (1h): 0 + 0.25h × 1 000 = 250 → 250 + 6 012 = 6 262
    // medium (2h): 0.5h × 12 000 + 0.5h × 1 000 = 6 500 → 6 500 + 1 212 = 7 712
    // slow (4h): 2.5h × 12 000 + 1h × 1 000 = 31 000
    const impact = service(0, {
      downtimeCost: [
        { afterSeconds: 0, perHour: 0 },
        { afterSeconds: 90 * MIN, perHour: 12_000 },
      ],
    });
    // WHEN
    const result = recommendTier(impact, TIERS, COMPUTE_ONLY);
    // THEN
    const byTier = Object.fromEntries(
      result.evaluations.map((e) => [e.tier, e.expectedAnnualLoss]),
    );
    expect(byTier).toEqual({ fast: 250, medium: 6_500, slow: 31_000 });
    expect(result.best?.tier).toBe('fast');
  });

  test('charges a disruption a tier does not promise with the unpromised fallback', () => {
    // GIVEN region disruptions 0.1/yr; no test tier declares a region objective
    // region loss = 0.1 × (72h × 1 000 + 24h × 1 000) = 9 600 for every tier
    const impact = service(1_000, {
      frequencies: { application: 0, az: 0, region: 0.1, account: 0 },
    });
    // WHEN
    const result = recommendTier(impact, TIERS, COMPUTE_ONLY);
    // THEN
    const slow = result.evaluations.find((e) => e.tier === 'slow');
    expect(slow?.losses).toEqual([
      expect.objectContaining({
        disruption: 'region',
        promised: false,
        rtoSeconds: 72 * HOUR,
        expectedAnnualLoss: 9_600,
      }),
    ]);
  });
});

describe('tierRunningCost', () => {
  test('adds backup, point-in-time recovery, cross-Region copy, replica, compute and health checks', () => {
    // GIVEN a gold-like tier (warm standby, 35 days, application RPO 15 min, region objective)
    // and a 100 GiB DynamoDB table with 1 000/month of compute, default cost model:
    // backup:          100 × (1 + 0.02 × 35) = 170 GiB × 0.10 × 12 = 204
    // PITR:            100 × 0.20 × 12                              = 240
    // copy storage:    same as backup                               = 204
    // copy transfer:   100 × 0.02 × 30 = 60 GiB/month × 0.02 × 12   = 14.4
    // replica:         100 × 0.25 × 12                              = 300
    // replication:     as copy transfer                             = 14.4
    // standby compute: 0.5 × 1 000 × 12                             = 6 000
    // health checks:   2 × 0.50 × 12                                = 12
    // total                                                         = 6 988.8
    const gold: RecoveryTier = {
      name: 'gold',
      strategy: 'warm-standby',
      retentionDays: 35,
      objectives: {
        application: { rtoSeconds: 4 * HOUR, rpoSeconds: 15 * MIN },
        region: { rtoSeconds: 1 * HOUR, rpoSeconds: 15 * MIN },
      },
      reviewEveryDays: 180,
      drillEveryDays: 90,
    };
    const impact = service(0, { stores: [{ kind: 'dynamodb', sizeGiB: 100 }] });
    // WHEN
    const cost = tierRunningCost(gold, 'warm-standby', impact, DEFAULT_COST_MODEL);
    // THEN
    expect(cost.annual).toBeCloseTo(6_988.8);
    const lines = Object.fromEntries(cost.lines.map((line) => [line.item, line.annual]));
    expect(lines['backup storage (dynamodb 100 GiB)']).toBeCloseTo(204);
    expect(lines['point-in-time recovery (dynamodb 100 GiB)']).toBeCloseTo(240);
    expect(lines['cross-Region copy transfer (dynamodb 100 GiB)']).toBeCloseTo(14.4);
    expect(lines['replica storage (dynamodb 100 GiB)']).toBeCloseTo(300);
    expect(lines['standby compute']).toBeCloseTo(6_000);
    expect(lines['Route 53 health checks']).toBeCloseTo(12);
  });

  test('backup and restore without a region objective pays only for backups', () => {
    // GIVEN a 7-day tier, 50 GiB RDS: 50 × (1 + 0.02 × 7) = 57 GiB × 0.095 × 12 = 64.98
    const bronze: RecoveryTier = {
      name: 'local',
      strategy: 'backup-restore',
      retentionDays: 7,
      objectives: { application: { rtoSeconds: 24 * HOUR, rpoSeconds: 24 * HOUR } },
      reviewEveryDays: 365,
      drillEveryDays: 365,
    };
    // WHEN
    const cost = tierRunningCost(
      bronze,
      'backup-restore',
      service(0, { stores: [{ kind: 'rds', sizeGiB: 50 }] }),
      DEFAULT_COST_MODEL,
    );
    // THEN
    expect(cost.lines.map((line) => line.item)).toEqual(['backup storage (rds 50 GiB)']);
    expect(cost.annual).toBeCloseTo(64.98);
  });

  test('uses the cost-model overrides of a BIA file', () => {
    // GIVEN warm standby at 25 % instead of 50 %, and transfer at 0.01/GiB
    const bia = parseBia(`
costModel:
  standbyComputeFraction: { warm-standby: 0.25 }
  crossRegionTransferPerGiB: 0.01
services:
  payments: { downtimeCostPerHour: 1000, dataLossCostPerHour: 10, computeCostPerMonth: 1000 }
`);
    // WHEN
    const cost = tierRunningCost(TIERS.fast, 'warm-standby', bia.services[0], bia.costModel);
    // THEN 0.25 × 1 000 × 12 = 3 000, plus 12 of health checks
    expect(bia.costModel.crossRegionTransferPerGiB).toBe(0.01);
    expect(bia.costModel.standbyComputeFraction['pilot-light']).toBe(0.1);
    expect(cost.annual).toBeCloseTo(3_012);
  });
});
