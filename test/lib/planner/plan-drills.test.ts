import fc from 'fast-check';

import { experimentShapes, planService, planTier, restoreTestSchedule, restoreTimeAlarmShape, restoreTestingName } from '../../../lib/planner';
import { BUILT_IN_TIERS } from '../../../lib/tiers';
import { REGIONS, specWith, svc, tier } from './fixtures';

describe('restore testing plan', () => {
  test.each([
    ['platinum', 'cron(0 5 ? * SUN *)', 60],
    ['gold', 'cron(0 5 1 * ? *)', 240],
    ['silver', 'cron(0 5 1 1/3 ? *)', 480],
    ['bronze', 'cron(0 5 1 1/6 ? *)', 1440],
  ] as const)('%s restores on %s with the application RTO as target', (name, cron, minutes) => {
    // GIVEN / WHEN
    const plan = planTier(BUILT_IN_TIERS[name], REGIONS);
    // THEN
    expect(plan.restoreTesting).toEqual(
      expect.objectContaining({ scheduleExpression: cron, maxRestoreMinutes: minutes, startWindowHours: 24, validationWindowHours: 1 }),
    );
    expect(plan.restoreTesting!.intervalDays).toBeLessThanOrEqual(plan.restoreTestEveryDays);
  });

  test('a schedule never leaves more days between runs than asked (daily at the least)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (days) => {
        expect(restoreTestSchedule(days).intervalDays).toBeLessThanOrEqual(days);
      }),
    );
  });

  test('the restore-time alarm spans the target within CloudWatch limits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 * 24 * 60 }), (minutes) => {
        const shape = restoreTimeAlarmShape(minutes);
        expect(shape.periodSeconds * shape.evaluationPeriods).toBeGreaterThanOrEqual(Math.min(minutes * 60, 7 * 86400));
        expect(shape.periodSeconds * shape.evaluationPeriods).toBeLessThanOrEqual(shape.periodSeconds === 300 ? 86400 : 7 * 86400);
      }),
    );
  });

  test('names are letters, digits and underscores, at most 50 characters', () => {
    // GIVEN / WHEN / THEN
    expect(restoreTestingName('my-stack_gold')).toBe('my_stack_gold');
    expect(restoreTestingName('x'.repeat(80))).toMatch(/^[A-Za-z0-9_]{50}$/);
  });
});

describe('fault injection drills', () => {
  test('bronze (backup and restore) gets an AZ drill but no cross-Region drill', () => {
    // GIVEN / WHEN
    const plan = planService(svc('files', 'bronze', [{ kind: 's3', logicalId: 'Data' }]), specWith([]));
    // THEN
    expect(plan.faultInjection.map((f) => [f.disruption, f.action])).toEqual([['az', 'aws:network:disrupt-connectivity']]);
  });

  test('a tier without az or region objectives gets no FIS drill', () => {
    // GIVEN
    const t = tier('app', { application: { rtoSeconds: 3600, rpoSeconds: 3600 } });
    // WHEN
    const plan = planService(svc('files', 'app', [{ kind: 'dynamodb', logicalId: 'T' }]), specWith([], { app: t }));
    // THEN
    expect(plan.faultInjection).toEqual([]);
  });

  test('the az drill follows the power interruption scenario for the service resources', () => {
    // GIVEN
    const spec = specWith([]);
    // WHEN
    const plan = planService(
      svc('shop', 'gold', [
        { kind: 'asg', logicalId: 'Web' },
        { kind: 'rds', logicalId: 'Db' },
        { kind: 's3', logicalId: 'Files' },
      ]),
      spec,
    );
    // THEN
    expect(plan.faultInjection.filter((f) => f.disruption === 'az').map((f) => f.action)).toEqual([
      'aws:network:disrupt-connectivity',
      'aws:ec2:stop-instances',
      'aws:rds:reboot-db-instances',
    ]);
    const region = plan.faultInjection.filter((f) => f.disruption === 'region');
    expect(region.map((f) => f.action)).toContain('aws:s3:bucket-pause-replication');
    for (const f of region) expect(f.stopOnSignals).not.toContain('s3-replication-latency');
    expect(plan.faultInjection.find((f) => f.disruption === 'az')!.stopOnSignals).toContain('s3-replication-latency');
  });

  test('experiment shapes group drills per disruption with one target per action', () => {
    // GIVEN
    const plan = planService(svc('shop', 'gold', [{ kind: 'aurora', logicalId: 'Db' }]), specWith([]));
    // WHEN
    const shapes = experimentShapes(plan);
    // THEN
    expect(shapes.map((s) => s.disruption)).toEqual(['az', 'region']);
    const az = shapes[0]!;
    expect(az.targets.map((t) => t.resourceType)).toEqual(['aws:ec2:subnet', 'aws:rds:cluster']);
    expect(az.targets[0]!.parameters).toEqual({ availabilityZoneIdentifier: 'us-east-1a' });
    expect(az.actions.map((a) => a.targetName)).toEqual(az.targets.map((t) => t.name));
  });
});
