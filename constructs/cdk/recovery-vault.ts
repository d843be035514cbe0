import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { BACKUP_KEY_ACTIONS, backupViaService } from '../../lib/facts';
import type { VaultSpec } from '../../lib/model';

/** Properties of a {@link RecoveryVault}. */
export interface RecoveryVaultProps {
  /** Lock and access settings planned for the vault (`TierPlan.vault`). */
  readonly vault: VaultSpec;
  /**
   * Allow a `compliance` lock.
   *
   * A compliance lock cannot be removed by anyone, the root user and AWS included, once its
   * cooling-off period has passed. Without this opt-in a vault planned with a compliance lock
   * fails synthesis.
   *
   * @default false
   */
  readonly allowComplianceLock?: boolean;
  /**
   * Customer-managed KMS key that encrypts the recovery points.
   *
   * @default - a new key with rotation on, retained when the stack is deleted
   */
  readonly encryptionKey?: kms.IKey;
}

/**
 * A backup vault encrypted with a customer-managed key, locked and protected as the plan says.
 *
 * The vault and its key are retained when the stack is deleted: removing them would destroy
 * every recovery point they hold.
 */
export class RecoveryVault extends Construct {
  /** The backup vault. */
  public readonly vault: backup.BackupVault;
  /** The KMS key that encrypts the vault's recovery points. */
  public readonly encryptionKey: kms.IKey;
  /** Lock mode actually applied. */
  public readonly lockMode: VaultSpec['lockMode'];

  public constructor(scope: Construct, id: string, props: RecoveryVaultProps) {
    super(scope, id);
    const spec = props.vault;
    if (spec.lockMode === 'compliance' && props.allowComplianceLock !== true) {
      throw new Error(
        `vault '${this.node.path}' is planned with lockMode 'compliance', which cannot be undone ` +
          'after its cooling-off period; set allowComplianceLock: true to accept that, ' +
          "or plan a 'governance' lock",
      );
    }
    this.lockMode = spec.lockMode;
    this.encryptionKey = props.encryptionKey ?? this.createKey();
    this.vault = new backup.BackupVault(this, 'Resource', {
      encryptionKey: this.encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
      blockRecoveryPointDeletion: spec.denyDeleteRecoveryPoints,
    });
    // Rendered on the L1 so the plan's numbers pass through unchanged (the L2 rejects a maximum
    // equal to the minimum, which a plan keeping every point exactly its retention produces).
    (this.vault.node.defaultChild as backup.CfnBackupVault).lockConfiguration = renderLock(spec);
  }

  /** ARN of the vault. */
  public get vaultArn(): string {
    return this.vault.backupVaultArn;
  }

  /** Grants `grantee` the key use AWS Backup needs to write and restore recovery points. */
  public grantKeyUse(grantee: iam.IGrantable): iam.Grant {
    return this.encryptionKey.grant(grantee, ...BACKUP_KEY_ACTIONS);
  }

  private createKey(): kms.Key {
    const key = new kms.Key(this, 'Key', {
      description: `Encrypts the recovery points of ${this.node.path}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Backup and copy jobs run under AWS Backup service roles of this account; letting any of
    // them use the key through AWS Backup (and only through it) keeps copy jobs from other
    // Regions working without naming every role.
    // https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowUseThroughAwsBackup',
        principals: [new iam.AccountRootPrincipal()],
        actions: [...BACKUP_KEY_ACTIONS],
        resources: ['*'],
        conditions: {
          StringEquals: {
            'kms:ViaService': backupViaService(Aws.REGION),
            'kms:CallerAccount': Aws.ACCOUNT_ID,
          },
        },
      }),
    );
    return key;
  }
}

function renderLock(
  spec: VaultSpec,
): backup.CfnBackupVault.LockConfigurationTypeProperty | undefined {
  if (spec.lockMode === 'none') {
    return undefined;
  }
  // MinRetentionDays is required when CloudFormation creates a lock; 1 day is the smallest value.
  // https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
  const minRetentionDays = spec.minRetentionDays ?? 1;
  const maxRetentionDays = spec.maxRetentionDays;
  if (spec.lockMode === 'governance') {
    return { minRetentionDays, maxRetentionDays };
  }
  // Compliance mode: ChangeableForDays is at least 3 (72 h cooling-off).
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-backup-backupvault-lockconfigurationtype.html
  const changeableForDays = spec.changeableForDays ?? 3;
  if (changeableForDays < 3) {
    throw new Error(
      `vault lock changeableForDays is ${changeableForDays}, but AWS Backup needs at least 3 (72 h ` +
        'cooling-off); plan changeableForDays >= 3',
    );
  }
  return { minRetentionDays, maxRetentionDays, changeableForDays };
}
