import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RecoveryVault, TierBackup } from '../../../constructs/cdk';
import type { TierPlan } from '../../../lib/model';
import { planTier } from '../../../lib/planner';
import { BUILT_IN_TIERS } from '../../../lib/tiers';
import { REGIONS } from './fixtures';

const TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;

function render(plan: TierPlan): Template {
  const app = new App();
  const recovery = new Stack(app, 'Recovery', {
    env: { region: REGIONS.recovery, account: '111111111111' },
    crossRegionReferences: true,
  });
  const primary = new Stack(app, 'Primary', {
    env: { region: REGIONS.primary, account: '111111111111' },
    crossRegionReferences: true,
  });
  const recoveryVault = new RecoveryVault(recovery, 'Vault', { vault: plan.vault });
  const vault = new RecoveryVault(primary, 'Vault', { vault: plan.vault });
  new TierBackup(primary, 'Backup', {
    plan,
    vault: vault.vault,
    recoveryVault: recoveryVault.vault,
  });
  return Template.fromStack(primary);
}

describe.each(TIERS)('TierBackup at %s', (tier) => {
  const plan = planTier(BUILT_IN_TIERS[tier], REGIONS);
  let template: Template;
  beforeAll(() => {
    template = render(plan);
  });

  test('renders every planned rule exactly', () => {
    // GIVEN
    const rules = template.findResources('AWS::Backup::BackupPlan');
    const rendered = Object.values(rules).flatMap(
      (r) =>
        (r as { Properties: { BackupPlan: { BackupPlanRule: Record<string, unknown>[] } } })
          .Properties.BackupPlan.BackupPlanRule,
    );
    // THEN
    expect(rendered).toHaveLength(plan.rules.length);
    for (const rule of plan.rules) {
      const found = rendered.find((r) => r.RuleName === rule.name);
      expect(found).toEqual(
        expect.objectContaining({
          ScheduleExpression: rule.scheduleExpression,
          StartWindowMinutes: rule.startWindowMinutes,
          CompletionWindowMinutes: rule.completionWindowMinutes,
          EnableContinuousBackup: rule.enableContinuousBackup,
          Lifecycle:
            rule.moveToColdStorageAfterDays === undefined
              ? { DeleteAfterDays: rule.deleteAfterDays }
              : {
                  DeleteAfterDays: rule.deleteAfterDays,
                  MoveToColdStorageAfterDays: rule.moveToColdStorageAfterDays,
                },
        }),
      );
      if (rule.copyToRecoveryRegion) {
        expect(found?.CopyActions).toEqual([
          {
            DestinationBackupVaultArn: expect.anything(),
            Lifecycle: { DeleteAfterDays: rule.copyToRecoveryRegion.deleteAfterDays },
          },
        ]);
      } else {
        expect(found?.CopyActions).toBeUndefined();
      }
    }
  });

  test('selects by the tier tag with AND conditions, never ListOfTags', () => {
    // THEN
    const selections = Object.values(template.findResources('AWS::Backup::BackupSelection'));
    expect(selections.length).toBeGreaterThan(0);
    for (const selection of selections) {
      const body = (selection as { Properties: { BackupSelection: Record<string, unknown> } })
        .Properties.BackupSelection;
      expect(body.ListOfTags).toBeUndefined();
      expect(body.Conditions).toEqual({
        StringEquals: [{ ConditionKey: 'aws:ResourceTag/continuity:tier', ConditionValue: tier }],
      });
    }
  });

  test('locks the vault as planned and denies deleting recovery points', () => {
    // THEN
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      LockConfiguration:
        plan.vault.lockMode === 'none'
          ? Match.absent()
          : {
              MinRetentionDays: plan.vault.minRetentionDays ?? 1,
              MaxRetentionDays: plan.vault.maxRetentionDays ?? Match.absent(),
              ChangeableForDays: Match.absent(),
            },
      AccessPolicy: plan.vault.denyDeleteRecoveryPoints
        ? {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Deny',
                Action: Match.arrayWith(['backup:DeleteRecoveryPoint']),
              }),
            ]),
          }
        : Match.absent(),
    });
  });
});

describe('RecoveryVault', () => {
  test('encrypts with a rotated customer-managed key and retains both', () => {
    // GIVEN
    const stack = new Stack();
    // WHEN
    new RecoveryVault(stack, 'Vault', {
      vault: { lockMode: 'governance', minRetentionDays: 7, denyDeleteRecoveryPoints: true },
    });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true },
      DeletionPolicy: 'Retain',
    });
    template.hasResource('AWS::Backup::BackupVault', {
      Properties: {
        EncryptionKeyArn: Match.anyValue(),
        LockConfiguration: { MinRetentionDays: 7 },
      },
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowUseThroughAwsBackup',
            Condition: { StringEquals: Match.objectLike({ 'kms:ViaService': Match.anyValue() }) },
          }),
        ]),
      },
    });
  });

  test('throws when the plan asks for a compliance lock without the opt-in', () => {
    // GIVEN
    const stack = new Stack();
    // WHEN / THEN
    expect(
      () =>
        new RecoveryVault(stack, 'Vault', {
          vault: { lockMode: 'compliance', minRetentionDays: 7, denyDeleteRecoveryPoints: true },
        }),
    ).toThrow(/lockMode 'compliance'.*set allowComplianceLock: true/);
  });

  test('renders a compliance lock with its cooling-off period when opted in', () => {
    // GIVEN
    const stack = new Stack();
    // WHEN
    new RecoveryVault(stack, 'Vault', {
      vault: {
        lockMode: 'compliance',
        minRetentionDays: 7,
        maxRetentionDays: 35,
        changeableForDays: 5,
        denyDeleteRecoveryPoints: true,
      },
      allowComplianceLock: true,
    });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Backup::BackupVault', {
      LockConfiguration: { MinRetentionDays: 7, MaxRetentionDays: 35, ChangeableForDays: 5 },
    });
  });

  test('throws when a compliance cooling-off is under 3 days', () => {
    // GIVEN
    const stack = new Stack();
    // WHEN / THEN
    expect(
      () =>
        new RecoveryVault(stack, 'Vault', {
          vault: { lockMode: 'compliance', changeableForDays: 1, denyDeleteRecoveryPoints: false },
          allowComplianceLock: true,
        }),
    ).toThrow(/changeableForDays is 1, but AWS Backup needs at least 3/);
  });
});
