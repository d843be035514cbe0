import { achieve, achieveAll, meets, shortfall } from '../../../lib/objectives';
import { LazyAchievement } from '../../../lib/objectives/recovery-path';
import type { ComputeProtection } from '../../../lib/model';
import { H, MIN, PRIMARY, RECOVERY, location, rule, service, store } from './fixtures';

function ecs(change: Partial<ComputeProtection> = {}): ComputeProtection {
  return { kind: 'ecs', region: PRIMARY, primaryCapacity: 4, availabilityZones: 2, ...change };
}

describe('achieve', () => {
  test('service RPO is the worst of its stores', () => {
    // GIVEN
    const p = service([
      store('dynamodb', { pointInTimeRecovery: { retentionDays: 35 } }),
      store('efs', { backups: [rule()] }),
    ]);
    // WHEN
    const a = achieve(p, 'application');
    // THEN
    expect(a.rpoSeconds).toBe(4 * H);
    expect(a.explanation[0]).toBe('RPO 4h = worst of 2 store(s)');
  });

  test('one unrecoverable store makes the service unrecoverable', () => {
    // GIVEN
    const p = service([
      store('dynamodb', { pointInTimeRecovery: { retentionDays: 35 } }),
      store('ebs'),
    ]);
    // WHEN
    const a = achieve(p, 'application');
    // THEN
    expect(a.rpoSeconds).toBeNull();
    expect(a.rtoSeconds).toBeNull();
  });

  test.each([
    [undefined, 2 * H],
    [0, 30 * MIN],
    [1, 10 * MIN],
    [4, 0],
  ])(
    'region RTO with recovery capacity %s adds DNS failover to compute %s',
    (recoveryCapacity, computeRto) => {
      // GIVEN
      const p = service(
        [
          store('dynamodb', {
            replicas: [{ mechanism: 'dynamodb-global-table', region: RECOVERY }],
          }),
        ],
        {
          compute: [ecs(recoveryCapacity === undefined ? {} : { recoveryCapacity })],
          failover: {
            healthCheckIntervalSeconds: 10,
            failureThreshold: 3,
            ttlSeconds: 60,
            routing: 'failover',
          },
        },
      );
      // WHEN
      const a = achieve(p, 'region');
      // THEN
      expect(a.rtoSeconds).toBe(90 + computeRto);
      expect(a.rpoSeconds).toBe(1);
    },
  );

  test('without failover records the traffic switch is a manual cut-over', () => {
    // GIVEN
    const p = service([], { compute: [ecs({ recoveryCapacity: 4 })] });
    // WHEN
    const a = achieve(p, 'region');
    // THEN
    expect(a.rtoSeconds).toBe(30 * MIN);
    expect(a.explanation.join('\n')).toMatch(/manual cut-over/);
  });

  test('single-AZ compute needs a relaunch when its AZ is lost', () => {
    // GIVEN
    const multi = service([], { compute: [ecs()] });
    const single = service([], { compute: [ecs({ availabilityZones: 1 })] });
    // WHEN / THEN
    expect(achieve(multi, 'az').rtoSeconds).toBe(0);
    expect(achieve(single, 'az').rtoSeconds).toBe(30 * MIN);
  });

  test('basis is the weakest used: S3 RTC alone is under SLA, compute makes it an estimate', () => {
    // GIVEN
    const bucket = store('s3', { replicas: [{ mechanism: 's3-crr-rtc', region: RECOVERY }] });
    // WHEN
    const dataOnly = achieve(service([bucket]), 'region');
    const withCompute = achieve(
      service([bucket], { compute: [ecs({ recoveryCapacity: 1 })] }),
      'region',
    );
    // THEN
    expect(dataOnly.basis).toBe('documented-typical');
    expect(withCompute.basis).toBe('estimate');
  });

  test('a service with nothing declared recovers trivially and says so', () => {
    // GIVEN / WHEN
    const a = achieve(service([]), 'region');
    // THEN
    expect(a.rpoSeconds).toBe(0);
    expect(a.explanation[0]).toMatch(/nothing to recover/);
  });

  test('achieveAll returns one achievement per asked disruption', () => {
    // GIVEN
    const p = service([
      store('s3', {
        versioning: true,
        backups: [rule({ vault: location({ lock: 'compliance' }) })],
      }),
    ]);
    // WHEN
    const all = achieveAll(p, ['application', 'account']);
    // THEN
    expect(Object.keys(all).sort()).toEqual(['account', 'application']);
    expect(all.application?.rpoSeconds).toBe(0);
    expect(all.account?.rpoSeconds).toBe(4 * H);
  });
});

describe('meets and shortfall', () => {
  test('null never meets; equal meets; shortfall grows with the miss', () => {
    // GIVEN
    const obj = { rpoSeconds: H, rtoSeconds: H };
    const none = {
      rpoSeconds: null,
      rtoSeconds: null,
      basis: 'estimate',
      explanation: [],
    } as const;
    const equal = { rpoSeconds: H, rtoSeconds: H, basis: 'sla', explanation: [] } as const;
    const twice = { rpoSeconds: 2 * H, rtoSeconds: H, basis: 'sla', explanation: [] } as const;
    // WHEN / THEN
    expect(meets(none, obj)).toBe(false);
    expect(meets(equal, obj)).toBe(true);
    expect(shortfall(equal, obj)).toBe(0);
    expect(shortfall(twice, obj)).toBe(1);
    expect(shortfall(none, obj)).toBeGreaterThan(shortfall(twice, obj));
  });
});

describe('LazyAchievement', () => {
  test('writes its explanation when read, each time, and prints it in JSON', () => {
    // GIVEN an achievement whose lines are counted as they are written
    let written = 0;
    const a = new LazyAchievement(60, 120, 'estimate', () => {
      written += 1;
      return [`line ${written}`];
    });
    // THEN nothing is written until the explanation is read, and every read writes it anew
    expect(written).toBe(0);
    expect(a.explanation).toEqual(['line 1']);
    expect(a.explanation).toEqual(['line 2']);
    // AND JSON carries the numbers and the lines, as a plain achievement would
    expect(JSON.parse(JSON.stringify(a))).toEqual({
      rpoSeconds: 60,
      rtoSeconds: 120,
      basis: 'estimate',
      explanation: ['line 3'],
    });
  });
});
