import { STORE_KINDS, type StoreKind } from '../../../lib/model';
import { achieveAll, meets } from '../../../lib/objectives';
import {
  planService,
  planTier,
  protectionFromPlan,
  declaredDisruptions,
  evaluate,
} from '../../../lib/planner';
import { BUILT_IN_TIERS } from '../../../lib/tiers';
import { H, MIN, specWith, svc, tier } from './fixtures';

const spec = specWith([]);
const TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;

function planFor(tierName: string, kind: StoreKind, withCompute = true, sizeGiB = 100) {
  const resources = [
    { kind, logicalId: 'Data', sizeGiB },
    ...(withCompute ? [{ kind: 'ecs' as const, logicalId: 'Api' }] : []),
  ];
  return planService(svc('svc', tierName, resources), spec);
}

describe('planService: every built-in tier × store kind', () => {
  const cases = TIERS.flatMap((t) => STORE_KINDS.map((k) => [t, k] as const));

  test.each(cases)('%s × %s: prediction meets the tier or a finding says why', (t, k) => {
    // GIVEN / WHEN
    const plan = planFor(t, k);
    // THEN
    const objectives = BUILT_IN_TIERS[t].objectives;
    for (const d of declaredDisruptions(BUILT_IN_TIERS[t])) {
      const met = meets(plan.predicted[d], objectives[d]!);
      const finding = plan.findings.find((f) => f.disruption === d);
      expect(met || finding !== undefined).toBe(true);
      if (finding) {
        expect(finding).toMatchObject({
          rule: 'RR-PLAN1',
          severity: 'error',
          status: 'non-compliant',
          service: 'svc',
        });
        expect(finding.fix.length).toBeGreaterThan(10);
      }
    }
  });

  test.each(cases)('%s × %s: prediction is the calculator on protectionFromPlan', (t, k) => {
    // GIVEN
    const plan = planFor(t, k);
    // WHEN
    const again = achieveAll(
      protectionFromPlan(plan, planTier(BUILT_IN_TIERS[t], spec.regions)),
      declaredDisruptions(BUILT_IN_TIERS[t]),
    );
    // THEN
    expect(again).toEqual(plan.predicted);
  });

  test.each([
    ['gold', 'dynamodb', 'dynamodb-global-table', true],
    ['gold', 's3', 's3-crr-rtc', false],
    ['gold', 'aurora', 'aurora-global-database', true],
    ['gold', 'efs', 'efs-replication', false],
    ['silver', 'rds', 'rds-backup-replication', true],
    ['silver', 'aurora', 'aurora-global-database', true],
    ['silver', 's3', 's3-crr-rtc', false],
  ] as const)('%s %s replicates with %s (pitr %s)', (t, k, mechanism, pitr) => {
    // GIVEN / WHEN
    const plan = planFor(t, k);
    // THEN
    expect(plan.stores[0].replication).toBe(mechanism);
    expect(plan.stores[0].pointInTimeRecovery).toBe(pitr);
    expect(plan.findings.filter((f) => f.disruption === 'region')).toEqual([]);
  });

  test.each(STORE_KINDS)('bronze %s needs no replication and no standby', (k) => {
    // GIVEN / WHEN
    const plan = planFor('bronze', k);
    // THEN
    expect(plan.stores[0].replication).toBeUndefined();
    expect(plan.strategy).toBe('backup-restore');
    expect(plan.compute[0].recoveryCapacity).toBeUndefined();
    expect(plan.failover).toBeUndefined();
    expect(plan.findings).toEqual([]);
  });

  test('gold EFS cannot reach a 15 min application RPO with snapshots and says so', () => {
    // GIVEN / WHEN
    const plan = planFor('gold', 'efs');
    // THEN
    expect(plan.findings.map((f) => f.disruption)).toEqual(['application']);
    expect(plan.findings[0].message).toMatch(/no AWS mechanism gives efs better than RPO 2h/);
  });

  test('gold S3 turns versioning on: replication needs it and it covers corruption', () => {
    // GIVEN / WHEN
    const plan = planFor('gold', 's3');
    // THEN
    expect(plan.stores[0].versioning).toBe(true);
    expect(plan.predicted.application?.rpoSeconds).toBe(0);
  });

  test('gold RDS is Multi-AZ for its 15 min AZ RTO; silver RDS is not', () => {
    // GIVEN / WHEN
    const gold = planFor('gold', 'rds');
    const silver = planFor('silver', 'rds');
    // THEN
    expect(gold.stores[0].multiAz).toBe(true);
    expect(silver.stores[0].multiAz).toBe(false);
  });
});

describe('planService: strategies and compute', () => {
  test.each([
    ['platinum', 'active-active', 2, 'latency'],
    ['gold', 'warm-standby', 1, 'failover'],
    ['silver', 'pilot-light', 0, 'failover'],
  ] as const)(
    '%s runs %s with recovery capacity %s behind %s routing',
    (t, strategy, capacity, routing) => {
      // GIVEN / WHEN
      const plan = planFor(t, 'dynamodb');
      // THEN
      expect(plan.strategy).toBe(strategy);
      expect(plan.compute[0]).toMatchObject({
        primaryCapacity: 2,
        availabilityZones: 2,
        recoveryCapacity: capacity,
      });
      expect(plan.failover).toMatchObject({ routing, failureThreshold: 3, ttlSeconds: 60 });
      expect(plan.alarms.map((a) => a.signal)).toContain('health-check-status');
    },
  );

  test('without a declared strategy the cheapest strategy meeting the tier wins', () => {
    // GIVEN: region RTO 1h rules out redeploying (2h) and pilot light (30 min + restore)
    const t = tier('custom', { region: { rpoSeconds: 15 * MIN, rtoSeconds: 20 * MIN } });
    const s = specWith([], { custom: t });
    // WHEN
    const plan = planService(
      svc('api', 'custom', [
        { kind: 'dynamodb', logicalId: 'T' },
        { kind: 'ecs', logicalId: 'Api' },
      ]),
      s,
    );
    // THEN
    expect(plan.strategy).toBe('warm-standby');
    expect(plan.findings).toEqual([]);
    expect(plan.predicted.region?.rtoSeconds).toBeLessThanOrEqual(20 * MIN);
  });

  test('a tight RTO switches the health check to the 10 s interval', () => {
    // GIVEN: active/active + 30 s × 3 + 60 s = 150 s > 2 min; 10 s × 3 + 60 s = 90 s fits
    const t = tier('fast', { region: { rpoSeconds: 15 * MIN, rtoSeconds: 2 * MIN } });
    const s = specWith([], { fast: t });
    // WHEN
    const plan = planService(
      svc('api', 'fast', [
        { kind: 'dynamodb', logicalId: 'T' },
        { kind: 'ecs', logicalId: 'Api' },
      ]),
      s,
    );
    // THEN
    expect(plan.strategy).toBe('active-active');
    expect(plan.failover?.healthCheckIntervalSeconds).toBe(10);
    expect(plan.predicted.region?.rtoSeconds).toBe(90);
  });

  test('alarm thresholds derive from the region RPO', () => {
    // GIVEN / WHEN
    const plan = planFor('gold', 's3');
    // THEN
    expect(plan.alarms).toEqual(
      expect.arrayContaining([
        {
          signal: 's3-replication-latency',
          threshold: 450,
          resource: { kind: 's3', logicalId: 'Data', sizeGiB: 100 },
        },
        {
          signal: 's3-replication-failed',
          threshold: 1,
          resource: { kind: 's3', logicalId: 'Data', sizeGiB: 100 },
        },
        { signal: 'backup-job-failed', threshold: 1 },
      ]),
    );
  });

  test('fault-injection drills per covered disruption', () => {
    // GIVEN / WHEN
    const plan = planFor('gold', 'dynamodb');
    // THEN
    expect(plan.faultInjection.map((f) => [f.disruption, f.action])).toEqual([
      ['az', 'aws:network:disrupt-connectivity'],
      ['region', 'aws:network:route-table-disrupt-cross-region-connectivity'],
      ['region', 'aws:dynamodb:global-table-pause-replication'],
    ]);
  });
});

describe('planService: unreachable objectives', () => {
  test('region RPO 0 on S3 is reported with the best S3 can do and a fix', () => {
    // GIVEN
    const t = tier('zero', { region: { rpoSeconds: 0, rtoSeconds: H } });
    const s = specWith([], { zero: t });
    // WHEN
    const plan = planService(svc('files', 'zero', [{ kind: 's3', logicalId: 'Bucket' }]), s);
    // THEN
    expect(plan.findings).toHaveLength(1);
    expect(plan.findings[0].message).toMatch(/cannot meet its region objective RPO 0s/);
    expect(plan.findings[0].message).toMatch(/no AWS mechanism gives s3 better than RPO 15min/);
    expect(plan.findings[0].fix).toMatch(
      /loosen the tier's region objective to at least RPO 15min/,
    );
    expect(plan.stores[0].replication).toBe('s3-crr-rtc');
  });

  test('throws an InputError naming the service when its tier is unknown', () => {
    // GIVEN / WHEN / THEN
    expect(() => planService(svc('x', 'diamond', []), spec)).toThrow(
      /tier 'diamond' is not defined; use one of platinum/,
    );
  });
});

describe('planService: store designs shared by services alike', () => {
  test('a store gets the design searched for its own size, never one found for another', () => {
    // GIVEN services at one tier whose databases differ in size only (the search's outcome is
    // kept by tier, compute, kind and size and reused for the next store alike)
    const db = (logicalId: string, sizeGiB: number) => [
      { kind: 'rds' as const, logicalId, sizeGiB },
    ];
    // WHEN
    const small = planService(svc('small', 'bronze', db('Db', 1)), spec);
    const large = planService(svc('large', 'bronze', db('Db', 20000)), spec);
    const alike = planService(svc('alike', 'bronze', db('Other', 1)), spec);
    // THEN a 20,000 GiB restore misses bronze's RTO, so only the large one gets a replica
    expect(small.stores[0]!.replication).toBeUndefined();
    expect(large.stores[0]!.replication).toBe('rds-read-replica');
    // and the store alike gets the small one's design, for its own resource
    expect(alike.stores[0]).toEqual({ ...small.stores[0], resource: db('Other', 1)[0] });
    expect(alike.predicted).toEqual(small.predicted);
  });
});

describe('evaluate: asking first the objective the last candidate missed', () => {
  const ctx = { tier: BUILT_IN_TIERS.gold, regions: spec.regions, compute: [] };
  const tierPlan = planTier(BUILT_IN_TIERS.gold, spec.regions);
  const storePlan = (replication?: 'dynamodb-global-table') => ({
    resource: { kind: 'dynamodb' as const, logicalId: 'Table', sizeGiB: 10 },
    pointInTimeRecovery: true,
    pitrRetentionDays: 35,
    multiAz: true,
    versioning: false,
    ...(replication ? { replication } : {}),
    backedUp: true,
  });

  test('stops at the objective asked first when it is missed, and names it', () => {
    // GIVEN a table without a replica, which misses gold's region objectives
    const full = evaluate(ctx, storePlan(), tierPlan);
    expect(full.met).toBe(false);
    // WHEN
    const r = evaluate(ctx, storePlan(), tierPlan, true, 'region');
    // THEN
    expect(r).toMatchObject({ met: false, missed: 'region' });
    expect(Object.keys(r.achieved)).toEqual(['region']);
    expect(evaluate(ctx, storePlan(), tierPlan, true)).toMatchObject({
      met: false,
      missed: 'region',
    });
  });

  test('a design that meets everything is judged as without the hint, in declared order', () => {
    // GIVEN a table with a global table replica
    const plain = evaluate(ctx, storePlan('dynamodb-global-table'), tierPlan, true);
    // WHEN
    const hinted = evaluate(ctx, storePlan('dynamodb-global-table'), tierPlan, true, 'region');
    // THEN
    expect(plain.met).toBe(true);
    expect(hinted.met).toBe(true);
    expect(hinted.missed).toBeUndefined();
    expect(Object.keys(hinted.achieved)).toEqual(declaredDisruptions(BUILT_IN_TIERS.gold));
    expect(JSON.stringify(hinted.achieved)).toBe(JSON.stringify(plain.achieved));
  });
});
