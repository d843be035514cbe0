import fc from 'fast-check';

import {
  experimentShapes,
  minInServiceInstances,
  planService,
  planTier,
  restoreTestSchedule,
  restoreTimeAlarmShape,
  restoreTestingName,
} from '../../../lib/planner';
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
      expect.objectContaining({
        scheduleExpression: cron,
        maxRestoreMinutes: minutes,
        startWindowHours: 24,
        validationWindowHours: 1,
      }),
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
        expect(shape.periodSeconds * shape.evaluationPeriods).toBeGreaterThanOrEqual(
          Math.min(minutes * 60, 7 * 86400),
        );
        expect(shape.periodSeconds * shape.evaluationPeriods).toBeLessThanOrEqual(
          shape.periodSeconds === 300 ? 86400 : 7 * 86400,
        );
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
  test('bronze (backup and restore) with an Auto Scaling group gets an AZ drill stopped by its in-service count', () => {
    // GIVEN / WHEN
    const plan = planService(
      svc('reports', 'bronze', [
        { kind: 's3', logicalId: 'Data' },
        { kind: 'asg', logicalId: 'Workers' },
      ]),
      specWith([]),
    );
    // THEN no cross-Region drill, and the AZ drill stops when fewer instances than survive one zone serve
    expect(plan.faultInjection.map((f) => [f.disruption, f.action, f.stopOnSignals])).toEqual([
      ['az', 'aws:network:disrupt-connectivity', ['asg-in-service-instances']],
      ['az', 'aws:ec2:stop-instances', ['asg-in-service-instances']],
    ]);
    expect(plan.alarms).toContainEqual({
      signal: 'asg-in-service-instances',
      threshold: 1,
      resource: { kind: 'asg', logicalId: 'Workers' },
    });
  });

  test('bronze with a Lambda function gets an AZ drill stopped by the function errors', () => {
    // GIVEN / WHEN
    const plan = planService(
      svc('media', 'bronze', [
        { kind: 'efs', logicalId: 'Files' },
        { kind: 'lambda', logicalId: 'Resizer' },
      ]),
      specWith([]),
    );
    // THEN
    expect(plan.faultInjection.map((f) => [f.disruption, f.stopOnSignals])).toEqual([
      ['az', ['lambda-errors']],
    ]);
    expect(plan.alarms).toContainEqual({
      signal: 'lambda-errors',
      threshold: 1,
      resource: { kind: 'lambda', logicalId: 'Resizer' },
    });
  });

  test('fails to plan a drill nothing could stop: bronze stores alone get restore tests only', () => {
    // GIVEN backed-up stores with no replication lag, health check or compute health to alarm on
    const plan = planService(
      svc('files', 'bronze', [{ kind: 's3', logicalId: 'Data' }]),
      specWith([]),
    );
    // THEN
    expect(plan.alarms.map((a) => a.signal)).not.toContain('lambda-errors');
    expect(plan.faultInjection).toEqual([]);
  });

  test('an ECS service publishes no health metric, so a bronze one gets no drill', () => {
    // GIVEN / WHEN
    const plan = planService(
      svc('api', 'bronze', [{ kind: 'ecs', logicalId: 'Api' }]),
      specWith([]),
    );
    // THEN
    expect(plan.alarms.map((a) => a.signal)).not.toContain('asg-in-service-instances');
    expect(plan.faultInjection).toEqual([]);
  });

  test.each([
    [2, 2, 1],
    [4, 2, 2],
    [3, 2, 1],
    [6, 3, 4],
    [1, 2, 1],
  ])(
    'an Auto Scaling group of %i over %i zones alarms below %i in service',
    (primaryCapacity, availabilityZones, expected) => {
      // GIVEN
      const compute = {
        resource: { kind: 'asg' as const, logicalId: 'W' },
        primaryCapacity,
        availabilityZones,
      };
      // WHEN / THEN
      expect(minInServiceInstances(compute)).toBe(expected);
    },
  );

  test('every planned drill has a stop condition, whatever the tier and resources', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('platinum', 'gold', 'silver', 'bronze'),
        fc.subarray(
          ['dynamodb', 's3', 'rds', 'aurora', 'efs', 'ebs', 'ecs', 'asg', 'lambda'] as const,
          { minLength: 1 },
        ),
        (tierName, kinds) => {
          // GIVEN / WHEN
          const plan = planService(
            svc(
              'svc',
              tierName,
              kinds.map((kind, i) => ({ kind, logicalId: `R${i}` })),
            ),
            specWith([]),
          );
          // THEN
          for (const drill of plan.faultInjection)
            expect(drill.stopOnSignals?.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a tier without az or region objectives gets no FIS drill', () => {
    // GIVEN
    const t = tier('app', { application: { rtoSeconds: 3600, rpoSeconds: 3600 } });
    // WHEN
    const plan = planService(
      svc('files', 'app', [{ kind: 'dynamodb', logicalId: 'T' }]),
      specWith([], { app: t }),
    );
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
    expect(plan.faultInjection.find((f) => f.disruption === 'az')!.stopOnSignals).toContain(
      's3-replication-latency',
    );
  });

  test('experiment shapes group drills per disruption with one target per action', () => {
    // GIVEN
    const plan = planService(
      svc('shop', 'gold', [{ kind: 'aurora', logicalId: 'Db' }]),
      specWith([]),
    );
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
