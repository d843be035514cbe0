import { cronIntervalSeconds } from '../../../lib/engine/cron-interval';
import { STORE_KINDS } from '../../../lib/model';
import { planTier } from '../../../lib/planner';
import { BUILT_IN_TIERS } from '../../../lib/tiers';
import { H, REGIONS, tier } from './fixtures';

describe('planTier', () => {
  test.each(Object.values(BUILT_IN_TIERS).map((t) => [t.name, t] as const))(
    '%s: every store kind is selected by exactly one rule',
    (_n, t) => {
      // GIVEN / WHEN
      const plan = planTier(t, REGIONS);
      // THEN
      for (const k of STORE_KINDS)
        expect(plan.rules.filter((r) => r.storeKinds.includes(k))).toHaveLength(1);
      expect(new Set(plan.rules.map((r) => r.name)).size).toBe(plan.rules.length);
    },
  );

  test.each(Object.values(BUILT_IN_TIERS).map((t) => [t.name, t] as const))(
    '%s: rules respect AWS Backup limits',
    (_n, t) => {
      // GIVEN / WHEN
      const plan = planTier(t, REGIONS);
      // THEN
      for (const r of plan.rules) {
        expect(r.startWindowMinutes).toBeGreaterThanOrEqual(60);
        expect(r.intervalHours).toBeGreaterThanOrEqual(1);
        expect(cronIntervalSeconds(r.scheduleExpression)).toBe(r.intervalHours * H);
        if (r.enableContinuousBackup) {
          expect(r.deleteAfterDays).toBeLessThanOrEqual(35);
          expect(r.moveToColdStorageAfterDays).toBeUndefined();
          expect(r.storeKinds.every((k) => ['s3', 'rds', 'aurora'].includes(k))).toBe(true);
        }
        if (r.moveToColdStorageAfterDays !== undefined)
          expect(r.deleteAfterDays).toBeGreaterThanOrEqual(r.moveToColdStorageAfterDays + 90);
      }
    },
  );

  test('bronze copies every kind to the recovery Region twice a day', () => {
    // GIVEN / WHEN
    const plan = planTier(BUILT_IN_TIERS.bronze, REGIONS);
    // THEN
    expect(plan.rules).toHaveLength(1);
    expect(plan.rules[0]).toMatchObject({
      intervalHours: 12,
      copyToRecoveryRegion: { deleteAfterDays: 7 },
      deleteAfterDays: 7,
    });
    expect(plan.vault.lockMode).toBe('none');
    expect(plan.restoreTestEveryDays).toBe(365);
  });

  test('platinum uses continuous backup where the store supports it', () => {
    // GIVEN / WHEN
    const plan = planTier(BUILT_IN_TIERS.platinum, REGIONS);
    // THEN
    const cont = plan.rules.find((r) => r.enableContinuousBackup);
    expect(cont?.storeKinds).toEqual(expect.arrayContaining(['rds', 'aurora', 's3']));
  });

  test('immutable tiers get a governance lock whose bounds contain every retention', () => {
    // GIVEN / WHEN
    const plan = planTier(BUILT_IN_TIERS.gold, REGIONS);
    // THEN
    expect(plan.vault.lockMode).toBe('governance');
    expect(plan.vault.denyDeleteRecoveryPoints).toBe(true);
    for (const r of plan.rules) {
      for (const days of [r.deleteAfterDays, r.copyToRecoveryRegion?.deleteAfterDays].filter(
        (d) => d !== undefined,
      )) {
        expect(days).toBeGreaterThanOrEqual(plan.vault.minRetentionDays!);
        expect(days).toBeLessThanOrEqual(plan.vault.maxRetentionDays!);
      }
    }
  });

  test('compliance mode only when the tier opts in, with the 3-day cooling-off', () => {
    // GIVEN
    const t = tier(
      'vaulted',
      { account: { rpoSeconds: 24 * H, rtoSeconds: 48 * H } },
      { vaultLockMode: 'compliance' },
    );
    // WHEN
    const plan = planTier(t, REGIONS);
    // THEN
    expect(plan.vault).toMatchObject({ lockMode: 'compliance', changeableForDays: 3 });
  });

  test('cold storage only for kinds that support it and long enough retention', () => {
    // GIVEN
    const t = tier(
      'archive',
      { application: { rpoSeconds: 48 * H, rtoSeconds: 48 * H } },
      { retentionDays: 365 },
    );
    // WHEN
    const plan = planTier(t, REGIONS);
    // THEN
    const cold = plan.rules.filter((r) => r.moveToColdStorageAfterDays !== undefined);
    expect(cold.length).toBeGreaterThan(0);
    for (const r of cold) {
      expect(r.storeKinds.every((k) => ['dynamodb', 'efs', 'ebs'].includes(k))).toBe(true);
      expect(r.deleteAfterDays).toBe(365);
    }
  });

  test('a loose tier gets the cheapest rule: daily, no copy, no continuous', () => {
    // GIVEN
    const t = tier('loose', { application: { rpoSeconds: 48 * H, rtoSeconds: 48 * H } });
    // WHEN
    const plan = planTier(t, REGIONS);
    // THEN
    expect(plan.rules).toHaveLength(1);
    expect(plan.rules[0]).toMatchObject({
      intervalHours: 24,
      enableContinuousBackup: false,
      scheduleExpression: 'cron(0 5 * * ? *)',
    });
    expect(plan.rules[0].copyToRecoveryRegion).toBeUndefined();
  });
});
