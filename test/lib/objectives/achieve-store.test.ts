import { achieveStore } from '../../../lib/objectives';
import { H, location, MIN, RECOVERY, rule, store } from './fixtures';

describe('achieveStore: application', () => {
  test('snapshot RPO is schedule + start window + completion window, worst case', () => {
    // GIVEN
    const s = store('dynamodb', { backups: [rule()] });
    // WHEN
    const a = achieveStore(s, 'application', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBe(4 * H);
    expect(a.explanation.join('\n')).toMatch(
      /RPO 4h = 1h schedule \+ 1h start window \+ 2h completion window/,
    );
    expect(a.basis).toBe('estimate');
  });

  test('restore RTO grows with the declared size', () => {
    // GIVEN
    const small = store('dynamodb', { sizeGiB: 10, backups: [rule()] });
    const big = store('dynamodb', { sizeGiB: 1000, backups: [rule()] });
    // WHEN
    const a = achieveStore(small, 'application', RECOVERY);
    const b = achieveStore(big, 'application', RECOVERY);
    // THEN
    expect(b.rtoSeconds).toBeGreaterThan(a.rtoSeconds as number);
    expect(b.rtoSeconds).toBe(30 * MIN + 5 * H);
  });

  test('DynamoDB PITR beats hourly snapshots: RPO 5 min', () => {
    // GIVEN
    const s = store('dynamodb', { backups: [rule()], pointInTimeRecovery: { retentionDays: 35 } });
    // WHEN
    const a = achieveStore(s, 'application', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBe(5 * MIN);
    expect(a.explanation.join('\n')).toMatch(/typically 5 minutes/);
  });

  test('continuous backup gives RDS 5 min but EBS falls back to snapshots', () => {
    // GIVEN
    const rds = store('rds', { backups: [rule({ continuous: true })] });
    const ebs = store('ebs', { backups: [rule({ continuous: true })] });
    // WHEN / THEN
    expect(achieveStore(rds, 'application', RECOVERY).rpoSeconds).toBe(5 * MIN);
    expect(achieveStore(ebs, 'application', RECOVERY).rpoSeconds).toBe(4 * H);
  });

  test('S3 versioning gives RPO 0', () => {
    // GIVEN
    const s = store('s3', { versioning: true });
    // WHEN
    const a = achieveStore(s, 'application', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBe(0);
  });

  test('replication alone does not protect against corruption', () => {
    // GIVEN
    const s = store('dynamodb', {
      replicas: [{ mechanism: 'dynamodb-global-table', region: RECOVERY }],
    });
    // WHEN
    const a = achieveStore(s, 'application', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBeNull();
    expect(a.rtoSeconds).toBeNull();
    expect(a.explanation[0]).toMatch(/replication copies corruption too/);
  });
});

describe('achieveStore: az', () => {
  test.each([
    ['dynamodb', {}, 0, 0],
    ['s3', {}, 0, 0],
    ['efs', {}, 0, 0],
    ['rds', { multiAz: true }, 0, 120],
    ['aurora', { multiAz: true }, 0, 120],
    ['aurora', { multiAz: false }, 0, 30 * MIN],
  ] as const)('%s %j fails over with RPO %s, RTO %s', (kind, change, rpo, rto) => {
    // GIVEN
    const s = store(kind, change);
    // WHEN
    const a = achieveStore(s, 'az', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBe(rpo);
    expect(a.rtoSeconds).toBe(rto);
  });

  test('single-AZ RDS restores from point-in-time recovery in another AZ', () => {
    // GIVEN
    const s = store('rds', { multiAz: false, pointInTimeRecovery: { retentionDays: 7 } });
    // WHEN
    const a = achieveStore(s, 'az', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBe(5 * MIN);
    expect(a.rtoSeconds).toBe(30 * MIN + 30 * MIN);
  });

  test('EBS without backups is lost with its AZ', () => {
    // GIVEN
    const s = store('ebs');
    // WHEN
    const a = achieveStore(s, 'az', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBeNull();
  });
});

describe('achieveStore: region', () => {
  test.each([
    ['s3', 's3-crr-rtc', 15 * MIN, 0, 'documented-typical'],
    ['s3', 's3-crr', 24 * H, 0, 'estimate'],
    ['dynamodb', 'dynamodb-global-table', 1, 0, 'documented-typical'],
    ['dynamodb', 'dynamodb-global-table-strong', 0, 0, 'documented-typical'],
    ['aurora', 'aurora-global-database', 1, 60, 'documented-typical'],
    ['rds', 'rds-read-replica', 5 * MIN, 15 * MIN, 'estimate'],
    ['rds', 'rds-backup-replication', 30 * MIN, 60 * MIN, 'estimate'],
    ['efs', 'efs-replication', 15 * MIN, 15 * MIN, 'estimate'],
  ] as const)('%s with %s: RPO %s, RTO %s (%s)', (kind, mechanism, rpo, rto, basis) => {
    // GIVEN
    const s = store(kind, { replicas: [{ mechanism, region: RECOVERY }] });
    // WHEN
    const a = achieveStore(s, 'region', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBe(rpo);
    expect(a.rtoSeconds).toBe(rto);
    expect(a.basis).toBe(basis);
  });

  test('a replica in a third Region does not count', () => {
    // GIVEN
    const s = store('s3', { replicas: [{ mechanism: 's3-crr-rtc', region: 'eu-west-1' }] });
    // WHEN
    const a = achieveStore(s, 'region', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBeNull();
  });

  test('a cross-region copy adds the copy time to the rule RPO', () => {
    // GIVEN
    const s = store('ebs', {
      sizeGiB: 200,
      backups: [rule({ copies: [location({ region: RECOVERY })] })],
    });
    // WHEN
    const a = achieveStore(s, 'region', RECOVERY);
    // THEN: 1h + 1h + 2h + (1h + 200 GiB / 200 GiB/h)
    expect(a.rpoSeconds).toBe(6 * H);
    expect(a.basis).toBe('estimate');
    expect(a.explanation.join('\n')).toMatch(/2h for the copy to us-west-2/);
  });

  test('a copy of a continuous rule is a snapshot: the schedule counts', () => {
    // GIVEN
    const s = store('rds', {
      backups: [rule({ continuous: true, copies: [location({ region: RECOVERY })] })],
    });
    // WHEN
    const a = achieveStore(s, 'region', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBe(4 * H + H + 30 * MIN);
  });

  test('backups kept only in the primary Region do not survive it', () => {
    // GIVEN
    const s = store('dynamodb', { backups: [rule()], pointInTimeRecovery: { retentionDays: 35 } });
    // WHEN
    const a = achieveStore(s, 'region', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBeNull();
    expect(a.explanation[0]).toMatch(/no replica and no backup copy in the recovery Region/);
  });
});

describe('achieveStore: account', () => {
  test.each([
    ['unlocked vault', location(), null],
    ['governance lock', location({ lock: 'governance' }), 4 * H],
    ['compliance lock', location({ lock: 'compliance' }), 4 * H],
    ['cross-account vault', location({ crossAccount: true }), 4 * H],
  ] as const)('%s', (_name, vault, rpo) => {
    // GIVEN
    const s = store('efs', { backups: [rule({ vault })] });
    // WHEN
    const a = achieveStore(s, 'account', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBe(rpo);
  });

  test('governance lock is explained as weaker than compliance', () => {
    // GIVEN
    const s = store('efs', { backups: [rule({ vault: location({ lock: 'governance' }) })] });
    // WHEN
    const a = achieveStore(s, 'account', RECOVERY);
    // THEN
    expect(a.explanation.join('\n')).toMatch(/governance-mode vault lock/);
  });

  test('a locked copy counts even when the source vault is not locked', () => {
    // GIVEN
    const s = store('efs', {
      sizeGiB: 0,
      backups: [rule({ copies: [location({ region: RECOVERY, lock: 'compliance' })] })],
    });
    // WHEN
    const a = achieveStore(s, 'account', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBe(5 * H);
  });

  test('native PITR does not survive a compromised account', () => {
    // GIVEN
    const s = store('rds', { pointInTimeRecovery: { retentionDays: 35 } });
    // WHEN
    const a = achieveStore(s, 'account', RECOVERY);
    // THEN
    expect(a.rpoSeconds).toBeNull();
  });
});
