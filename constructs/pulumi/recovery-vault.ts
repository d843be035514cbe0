import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import { BACKUP_KEY_ACTIONS, backupViaService } from '../../lib/facts';
import type { VaultSpec } from '../../lib/model';
import { awsPartition } from './aws-partition';
import { DEFAULT_DELETION_PROTECTION, statefulOptions } from './stateful';
import type { DeletionProtection } from './stateful';
import { TYPE_TOKENS } from './type-tokens';

/**
 * AWS minimum cooling-off for a compliance-mode vault lock: `ChangeableForDays` >= 3.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
 */
export const MIN_CHANGEABLE_FOR_DAYS = 3;

/**
 * Days a deleted key waits before it is destroyed (the AWS maximum, to leave time to undo).
 * https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html
 */
export const KEY_DELETION_WINDOW_DAYS = 30;

/** Arguments of {@link RecoveryVault}. */
export interface RecoveryVaultArgs {
  /** Vault settings from the tier plan (`TierPlan.vault`). */
  readonly vault: VaultSpec;
  /** Region the vault lives in; passed as `region` to every child. */
  readonly region: string;
  /**
   * Provider for the vault's Region (the recovery-region provider for a recovery vault).
   *
   * @default - the provider inherited from the parent
   */
  readonly provider?: aws.Provider;
  /**
   * Allow a planned compliance-mode lock. Compliance locks cannot be removed by anyone, nor the
   * vault deleted, once `changeableForDays` has passed, so they need this explicit opt-in.
   *
   * @default false - a vault planned with a compliance lock throws
   */
  readonly allowComplianceLock?: boolean;
  /**
   * How the key, vault and lock survive removal; `retain` opts out of `protect`.
   *
   * @default 'protect' - `protect: true` and `retainOnDelete: true`
   */
  readonly deletionProtection?: DeletionProtection;
  /**
   * Tags on the key and the vault.
   *
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A backup vault encrypted with its own rotating KMS key, locked and guarded as its plan says.
 *
 * Children: `${name}-key`, `${name}-vault`, `${name}-lock` (unless the plan's lock mode is
 * `none`), `${name}-policy` (when the plan denies deleting recovery points).
 */
export class RecoveryVault extends pulumi.ComponentResource {
  /** Customer-managed key the vault encrypts recovery points with. */
  public readonly key: aws.kms.Key;
  /** The backup vault. */
  public readonly vault: aws.backup.Vault;
  /** Vault lock, when the plan locks the vault. */
  public readonly lock?: aws.backup.VaultLockConfiguration;
  /** Access policy denying recovery point deletion, when planned. */
  public readonly policy?: aws.backup.VaultPolicy;
  /** Lock mode rendered (as planned; `compliance` only with `allowComplianceLock`). */
  public readonly lockMode: VaultSpec['lockMode'];
  /** Vault name (autonamed by Pulumi). */
  public readonly vaultName: pulumi.Output<string>;
  /** Vault ARN, for copy actions. */
  public readonly vaultArn: pulumi.Output<string>;

  public constructor(
    name: string,
    args: RecoveryVaultArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(TYPE_TOKENS.recoveryVault, name, {}, opts);
    const { vault: spec, region } = args;
    const child = { parent: this, ...(args.provider ? { provider: args.provider } : {}) };
    const stateful = {
      ...child,
      ...statefulOptions(args.deletionProtection ?? DEFAULT_DELETION_PROTECTION),
    };
    const tags = { ...args.tags };

    const accountId = aws.getCallerIdentityOutput({}, child).accountId;
    const partition = awsPartition(child);
    this.key = new aws.kms.Key(
      `${name}-key`,
      {
        region,
        description: `continuity-kit backup vault key (${name})`,
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: pulumi
          .all([accountId, partition])
          .apply(([account, part]) => JSON.stringify(keyPolicy(account, part, region))),
        tags,
      },
      stateful,
    );

    this.vault = new aws.backup.Vault(
      `${name}-vault`,
      { region, kmsKeyArn: this.key.arn, tags },
      stateful,
    );
    this.vaultName = this.vault.name;
    this.vaultArn = this.vault.arn;

    this.lockMode = renderedLockMode(name, spec, args.allowComplianceLock ?? false);
    if (this.lockMode !== 'none') {
      this.lock = new aws.backup.VaultLockConfiguration(
        `${name}-lock`,
        {
          region,
          backupVaultName: this.vault.name,
          // AWS Backup requires a minimum retention when locking; 1 day is its smallest value.
          minRetentionDays: spec.minRetentionDays ?? 1,
          maxRetentionDays: spec.maxRetentionDays,
          // Without changeableForDays the lock stays in governance mode.
          changeableForDays:
            this.lockMode === 'compliance'
              ? Math.max(spec.changeableForDays ?? MIN_CHANGEABLE_FOR_DAYS, MIN_CHANGEABLE_FOR_DAYS)
              : undefined,
        },
        stateful,
      );
    }

    if (spec.denyDeleteRecoveryPoints) {
      this.policy = new aws.backup.VaultPolicy(
        `${name}-policy`,
        {
          region,
          backupVaultName: this.vault.name,
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'DenyRecoveryPointDeletion',
                Effect: 'Deny',
                Principal: { AWS: '*' },
                Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'],
                Resource: '*',
              },
            ],
          }),
        },
        child,
      );
    }

    this.registerOutputs({
      vaultName: this.vaultName,
      vaultArn: this.vaultArn,
      keyArn: this.key.arn,
      lockMode: this.lockMode,
    });
  }
}

/** The lock mode to render: a planned compliance lock needs the opt-in. */
function renderedLockMode(
  name: string,
  spec: VaultSpec,
  allowComplianceLock: boolean,
): VaultSpec['lockMode'] {
  if (spec.lockMode === 'compliance' && !allowComplianceLock) {
    throw new Error(
      `vault '${name}' is planned with lockMode 'compliance', which cannot be undone after ` +
        `its ${spec.changeableForDays ?? MIN_CHANGEABLE_FOR_DAYS}-day cooling-off period; ` +
        "set allowComplianceLock: true to accept that, or plan a 'governance' lock",
    );
  }
  return spec.lockMode;
}

/**
 * Key policy: the account administers the key through IAM; AWS Backup may use it in this Region.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
 */
function keyPolicy(accountId: string, partition: string, region: string): Record<string, unknown> {
  const root = `arn:${partition}:iam::${accountId}:root`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AccountAdministersKey',
        Effect: 'Allow',
        Principal: { AWS: root },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'AllowAwsBackupUse',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [...BACKUP_KEY_ACTIONS],
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:CallerAccount': accountId,
            'kms:ViaService': backupViaService(region),
          },
        },
      },
    ],
  };
}
