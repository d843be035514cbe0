import { TierBackup } from '../../../constructs/pulumi';
import { bronzeTier, goldTier } from './fixtures';
import { findRegistration, ofType, runUnderMocks } from './mock-harness';
import type { Registration } from './mock-harness';

const PLAN = 'aws:backup/plan:Plan';
const SELECTION = 'aws:backup/selection:Selection';
const RECOVERY_VAULT_ARN = 'arn:aws:backup:us-west-2:123456789012:backup-vault:gold-recovery';

describe('TierBackup for a gold tier', () => {
  let regs: readonly Registration[];
  beforeAll(async () => {
    const run = await runUnderMocks(
      () =>
        new TierBackup('gold-backup', {
          tier: goldTier(),
          region: 'us-east-1',
          vaultName: 'gold-vault',
          recoveryVaultArn: RECOVERY_VAULT_ARN,
        }),
    );
    regs = run.registrations;
  });

  test('splits rules selecting different store kinds into two plans', () => {
    // GIVEN hourly (all kinds) and continuous (rds, aurora, s3) rules  WHEN rendered  THEN
    expect(
      ofType(regs, PLAN)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['gold-backup-plan', 'gold-backup-plan-continuous']);
    expect(
      ofType(regs, SELECTION)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['gold-backup-selection', 'gold-backup-selection-continuous']);
  });

  test('renders the hourly rule field by field with a copy action to the recovery vault', () => {
    // GIVEN / WHEN
    const plan = findRegistration(regs, PLAN, 'gold-backup-plan');
    // THEN
    expect(plan.inputs.region).toBe('us-east-1');
    expect(plan.inputs.name).toBeUndefined();
    expect(plan.inputs.rules).toEqual([
      {
        ruleName: 'hourly',
        targetVaultName: 'gold-vault',
        schedule: 'cron(0 * * * ? *)',
        startWindow: 60,
        completionWindow: 120,
        enableContinuousBackup: false,
        lifecycle: { deleteAfter: 35 },
        copyActions: [{ destinationVaultArn: RECOVERY_VAULT_ARN, lifecycle: { deleteAfter: 35 } }],
      },
    ]);
  });

  test('renders continuous backup without copy actions where none are planned', () => {
    // GIVEN / WHEN
    const [rule] = findRegistration(regs, PLAN, 'gold-backup-plan-continuous').inputs
      .rules as Record<string, unknown>[];
    // THEN
    expect(rule).toMatchObject({ ruleName: 'continuous', enableContinuousBackup: true });
    expect(rule?.copyActions).toEqual([]);
  });

  test('selects by the tier tag with AND conditions, never selectionTags', () => {
    // GIVEN / WHEN
    const selections = ofType(regs, SELECTION);
    // THEN
    for (const selection of selections) {
      expect(selection.inputs.conditions).toEqual([
        { stringEquals: [{ key: 'aws:ResourceTag/continuity:tier', value: 'gold' }] },
      ]);
      expect(selection.inputs.selectionTags).toBeUndefined();
      expect(selection.inputs.planId).toMatch(/^gold-backup-plan/);
      expect(selection.inputs.iamRoleArn).toMatch(/gold-backup-role/);
    }
  });

  test('restricts each selection to the store kinds of its rules', () => {
    // GIVEN / WHEN
    const main = findRegistration(regs, SELECTION, 'gold-backup-selection');
    const continuous = findRegistration(regs, SELECTION, 'gold-backup-selection-continuous');
    // THEN
    expect(main.inputs.resources).toEqual(['*']);
    expect(continuous.inputs.resources).toEqual([
      'arn:aws:rds:*:*:cluster:*',
      'arn:aws:rds:*:*:db:*',
      'arn:aws:s3:::*',
    ]);
  });

  test('creates a backup role with the AWS Backup managed policies, S3 included', () => {
    // GIVEN / WHEN
    const role = findRegistration(regs, 'aws:iam/role:Role', 'gold-backup-role');
    const attachments = ofType(regs, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment');
    // THEN
    expect(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement[0].Principal).toEqual({
      Service: 'backup.amazonaws.com',
    });
    expect(attachments.map((a) => a.inputs.policyArn).sort()).toEqual([
      'arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup',
      'arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore',
      'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup',
      'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores',
    ]);
  });
});

describe('TierBackup for a bronze tier', () => {
  test('moves recovery points to cold storage only where the plan does, with no copy', async () => {
    // GIVEN
    const program = () =>
      new TierBackup('bronze-backup', {
        tier: bronzeTier(),
        region: 'us-east-1',
        vaultName: 'bronze-vault',
        roleArn: 'arn:aws:iam::123456789012:role/existing',
      });
    // WHEN
    const { registrations } = await runUnderMocks(program);
    // THEN
    const [plan] = ofType(registrations, PLAN);
    expect(plan?.inputs.rules).toEqual([
      expect.objectContaining({
        ruleName: 'daily',
        startWindow: 480,
        completionWindow: 1440,
        lifecycle: { deleteAfter: 120, coldStorageAfter: 14 },
        copyActions: [],
      }),
    ]);
    expect(ofType(registrations, 'aws:iam/role:Role')).toHaveLength(0);
    expect(ofType(registrations, SELECTION)[0]?.inputs.iamRoleArn).toBe(
      'arn:aws:iam::123456789012:role/existing',
    );
  });

  test('throws when a rule copies to the recovery Region and no recovery vault is given', async () => {
    // GIVEN
    const program = () =>
      new TierBackup('gold-backup', { tier: goldTier(), region: 'us-east-1', vaultName: 'v' });
    // WHEN / THEN
    await expect(runUnderMocks(program)).rejects.toThrow(
      /rules 'hourly' copy to the recovery Region, but recoveryVaultArn is undefined/,
    );
  });
});
