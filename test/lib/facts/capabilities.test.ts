import { DISRUPTIONS, STORE_KINDS } from '../../../lib/model';
import {
  BACKUP_DEFAULTS,
  CAPABILITIES,
  COMPUTE_RECOVERY,
  COPY_ESTIMATE,
  RESTORE_ESTIMATES,
  ROUTE53,
  SOURCES,
  STORE_SUPPORT,
  capability,
  type Capability,
} from '../../../lib/facts';

const AWS_DOC = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//;

describe('capability table', () => {
  test.each(CAPABILITIES.map((c) => [c.id, c] as const))(
    '%s cites an AWS page beside each number',
    (_id, c) => {
      // GIVEN
      const cap = c as Capability;
      // WHEN
      const facts = [cap.rpo, ...(cap.rto === 'restore' ? [] : [cap.rto])];
      // THEN
      for (const f of facts) {
        expect(f.source.url).toMatch(AWS_DOC);
        expect(f.source.title.length).toBeGreaterThan(10);
        expect(f.note.length).toBeGreaterThan(10);
        expect(f.seconds).toBeGreaterThanOrEqual(0);
      }
      expect(cap.storeKinds.length).toBeGreaterThan(0);
      expect(cap.disruptions.length).toBeGreaterThan(0);
    },
  );

  test('ids are unique', () => {
    // GIVEN
    const ids = CAPABILITIES.map((c) => c.id);
    // WHEN
    const unique = new Set(ids);
    // THEN
    expect(unique.size).toBe(ids.length);
  });

  test('only S3 Replication Time Control carries an SLA', () => {
    // GIVEN / WHEN
    const slas = (CAPABILITIES as readonly Capability[]).filter(
      (c) => c.rpo.basis === 'sla' || (c.rto !== 'restore' && c.rto.basis === 'sla'),
    );
    // THEN
    expect(slas.map((c) => c.id)).toEqual(['s3-crr-rtc']);
  });

  test('no replication mechanism claims to recover from application corruption', () => {
    // GIVEN
    const replication = [
      'dynamodb-global-table',
      'dynamodb-global-table-strong',
      's3-crr',
      's3-crr-rtc',
      'aurora-global-database',
      'rds-read-replica',
      'efs-replication',
    ] as const;
    // WHEN
    const covering = replication.filter((id) =>
      capability(id).disruptions.includes('application' as never),
    );
    // THEN
    expect(covering).toEqual([]);
  });

  test('capability() throws on an unknown id naming the valid ones', () => {
    // GIVEN / WHEN / THEN
    expect(() => capability('nope' as never)).toThrow(
      /capability 'nope' is not in the table; use one of backup-snapshot/,
    );
  });

  test('every disruption and store kind is mentioned somewhere', () => {
    // GIVEN
    const caps = CAPABILITIES as readonly Capability[];
    // WHEN / THEN
    for (const d of DISRUPTIONS) expect(caps.some((c) => c.disruptions.includes(d))).toBe(true);
    for (const k of STORE_KINDS) expect(caps.some((c) => c.storeKinds.includes(k))).toBe(true);
  });
});

describe('other fact tables', () => {
  test('every source is an AWS documentation URL', () => {
    // GIVEN / WHEN / THEN
    for (const s of Object.values(SOURCES)) expect(s.url).toMatch(AWS_DOC);
  });

  test('restore and copy estimates are marked as estimates and cite AWS', () => {
    // GIVEN / WHEN / THEN
    for (const e of [...Object.values(RESTORE_ESTIMATES), COPY_ESTIMATE]) {
      expect(e.basis).toBe('estimate');
      expect(e.source.url).toMatch(AWS_DOC);
      expect(e.gibPerHour).toBeGreaterThan(0);
    }
  });

  test('compute recovery and Route 53 facts cite AWS', () => {
    // GIVEN / WHEN / THEN
    for (const f of Object.values(COMPUTE_RECOVERY)) expect(f.source.url).toMatch(AWS_DOC);
    for (const f of [ROUTE53.interval, ROUTE53.failureThreshold, ROUTE53.ttl])
      expect(f.source.url).toMatch(AWS_DOC);
    expect(COMPUTE_RECOVERY.redeploy.seconds).toBeGreaterThan(COMPUTE_RECOVERY.pilotLight.seconds);
    expect(COMPUTE_RECOVERY.pilotLight.seconds).toBeGreaterThan(
      COMPUTE_RECOVERY.warmStandby.seconds,
    );
    expect(COMPUTE_RECOVERY.warmStandby.seconds).toBeGreaterThan(
      COMPUTE_RECOVERY.activeActive.seconds,
    );
  });

  test('AWS Backup defaults: daily at 05:00 UTC, 8 h start window, 7 d completion window', () => {
    // GIVEN / WHEN / THEN
    expect(BACKUP_DEFAULTS.scheduleExpression).toBe('cron(0 5 ? * * *)');
    expect(BACKUP_DEFAULTS.schedule.seconds).toBe(86_400);
    expect(BACKUP_DEFAULTS.startWindow.seconds).toBe(8 * 3600);
    expect(BACKUP_DEFAULTS.completionWindow.seconds).toBe(7 * 86_400);
    expect(BACKUP_DEFAULTS.minStartWindow.seconds).toBe(3600);
  });

  test('continuous backup and cold storage are never both supported', () => {
    // GIVEN / WHEN / THEN
    for (const k of STORE_KINDS) {
      const s = STORE_SUPPORT[k];
      expect(s.continuousBackup && s.coldStorage).toBe(false);
    }
  });
});
