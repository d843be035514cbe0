import { BACKUP_RESOURCE_TYPES } from '../facts/backup-resource-types';
import type { StoreKind } from '../model/disruption';
import type { StorePlan } from '../model/plan';
import { placeholder } from './procedure-step';
import type { ProcedureContext, ProcedureStep } from './procedure-step';

function name(store: StorePlan, ctx: ProcedureContext, suffix = ''): string {
  return placeholder(store.resource, ctx.service, suffix);
}

/**
 * Restore the newest recovery point of a store from AWS Backup.
 *
 * Without a vault name, the recovery points of the resource are listed by its ARN, which also
 * returns the vault each is in. In the recovery Region, copies are listed per vault: recovery
 * points keep the ARN of the resource they were taken from, so `--by-resource-arn` finds the copy.
 *
 * @param vault - the vault to restore from; `undefined` finds it from the resource's recovery points
 */
export function backupRestoreSteps(
  store: StorePlan,
  ctx: ProcedureContext,
  region: string,
  vault: string | undefined,
): ProcedureStep[] {
  const id = name(store, ctx);
  const arn = name(store, ctx, ' ARN');
  const newest = 'reverse(sort_by(RecoveryPoints,&CreationDate))[0]';
  const find: ProcedureStep =
    vault === undefined
      ? {
          title: `Find the latest recovery point of ${id} and its vault in ${region}`,
          detail:
            'pick an earlier one (read the whole list) when the newest already holds the damage',
          commands: [
            `read -r VAULT RP <<< "$(aws backup list-recovery-points-by-resource --region ${region} --resource-arn ${arn} --query '${newest}.[BackupVaultName,RecoveryPointArn]' --output text)"`,
          ],
        }
      : {
          title: `Find the latest recovery point of ${id} in vault ${vault} (${region})`,
          detail:
            'pick an earlier one (read the whole list) when the newest already holds the damage; ' +
            `list the vaults with \`aws backup list-backup-vaults --region ${region}\``,
          commands: [
            `VAULT=${vault.includes('<') ? `"${vault}"` : vault}`,
            `RP=$(aws backup list-recovery-points-by-backup-vault --region ${region} --backup-vault-name "$VAULT" --by-resource-arn ${arn} --query '${newest}.RecoveryPointArn' --output text)`,
          ],
        };
  return [
    find,
    {
      title: `Restore ${id} from that recovery point into a new ${store.resource.kind} resource in ${region}`,
      detail: 'edit metadata.json first: give the new resource a name and its network settings',
      commands: [
        `aws backup get-recovery-point-restore-metadata --region ${region} --backup-vault-name "$VAULT" --recovery-point-arn "$RP" --query RestoreMetadata > metadata.json`,
        `aws backup start-restore-job --region ${region} --recovery-point-arn "$RP" --iam-role-arn <restore role ARN> --resource-type ${BACKUP_RESOURCE_TYPES[store.resource.kind as StoreKind] ?? store.resource.kind} --metadata file://metadata.json`,
        `aws backup describe-restore-job --region ${region} --restore-job-id <restore job id>`,
      ],
    },
  ];
}

/** Steps to undo corruption or deletion (`application`) in one store. */
export function storeApplicationSteps(store: StorePlan, ctx: ProcedureContext): ProcedureStep[] {
  const id = name(store, ctx);
  const region = ctx.regions.primary;
  const kind = store.resource.kind;
  if (kind === 'dynamodb' && store.pointInTimeRecovery) {
    return [
      {
        title: `Restore ${id} to a point just before the incident (DynamoDB point-in-time recovery)`,
        detail:
          'the restore creates a new table; then point the service at it, or copy the damaged items back',
        commands: [
          `aws dynamodb restore-table-to-point-in-time --region ${region} --source-table-name ${id} --target-table-name ${name(store, ctx, '-restored')} --restore-date-time <ISO time before the incident>`,
          `aws dynamodb wait table-exists --region ${region} --table-name ${name(store, ctx, '-restored')}`,
        ],
      },
    ];
  }
  if (kind === 's3' && store.versioning) {
    return [
      {
        title: `Bring back the previous versions of the damaged objects in ${id} (S3 versioning)`,
        detail:
          'deleting a delete marker undeletes the object; copying an old version over makes it current',
        commands: [
          `aws s3api list-object-versions --region ${region} --bucket ${id} --prefix <affected prefix>`,
          `aws s3api delete-object --region ${region} --bucket ${id} --key <key> --version-id <delete marker version id>`,
          `aws s3api copy-object --region ${region} --bucket ${id} --key <key> --copy-source "${id}/<key>?versionId=<good version id>"`,
        ],
      },
    ];
  }
  if (kind === 'rds' && store.pointInTimeRecovery) {
    return [
      {
        title: `Restore ${id} to a new DB instance at a point just before the incident`,
        detail: 'then point the service at the new instance endpoint (or rename the instances)',
        commands: [
          `aws rds restore-db-instance-to-point-in-time --region ${region} --source-db-instance-identifier ${id} --target-db-instance-identifier ${name(store, ctx, '-restored')} --restore-time <ISO time before the incident>`,
          `aws rds wait db-instance-available --region ${region} --db-instance-identifier ${name(store, ctx, '-restored')}`,
        ],
      },
    ];
  }
  if (kind === 'aurora' && store.pointInTimeRecovery) {
    return [
      {
        title: `Restore cluster ${id} to a new cluster at a point just before the incident, and add a writer`,
        detail: 'a restored Aurora cluster has no instances until you create one',
        commands: [
          `aws rds restore-db-cluster-to-point-in-time --region ${region} --source-db-cluster-identifier ${id} --db-cluster-identifier ${name(store, ctx, '-restored')} --restore-to-time <ISO time before the incident>`,
          `aws rds create-db-instance --region ${region} --db-cluster-identifier ${name(store, ctx, '-restored')} --db-instance-identifier ${name(store, ctx, '-restored-1')} --db-instance-class <same class as the writer> --engine <cluster engine>`,
        ],
      },
    ];
  }
  if (store.backedUp) {
    return backupRestoreSteps(store, ctx, region, ctx.vaultName);
  }
  return [
    {
      title: `No recovery point exists for ${id}: it cannot be restored`,
      detail:
        "add it to the tier's backup plan (tag it continuity:service) so the next incident is recoverable",
      commands: [],
    },
  ];
}

/** Steps for one store when an Availability Zone is lost. */
export function storeAzSteps(store: StorePlan, ctx: ProcedureContext): ProcedureStep[] {
  const id = name(store, ctx);
  const region = ctx.regions.primary;
  switch (store.resource.kind) {
    case 'dynamodb':
    case 's3':
      return [
        {
          title: `Nothing to recover for ${id}: it stores data in several Availability Zones`,
          commands: [],
        },
      ];
    case 'efs':
      return store.multiAz
        ? [
            {
              title: `Nothing to recover for ${id}: a Regional file system spans Availability Zones`,
              commands: [],
            },
          ]
        : backupRestoreSteps(store, ctx, region, ctx.vaultName);
    case 'rds':
      return store.multiAz
        ? [
            {
              title: `Check that ${id} failed over to its standby (Multi-AZ, automatic)`,
              detail:
                'force the failover only if the primary is still in the lost Availability Zone',
              commands: [
                `aws rds describe-events --region ${region} --source-type db-instance --source-identifier ${id} --duration 60`,
                `aws rds reboot-db-instance --region ${region} --db-instance-identifier ${id} --force-failover`,
              ],
            },
          ]
        : [
            {
              title: `Restore ${id} to its latest restorable time in a healthy Availability Zone`,
              commands: [
                `aws rds restore-db-instance-to-point-in-time --region ${region} --source-db-instance-identifier ${id} --target-db-instance-identifier ${name(store, ctx, '-az')} --use-latest-restorable-time --availability-zone <healthy AZ>`,
              ],
            },
          ];
    case 'aurora':
      return store.multiAz
        ? [
            {
              title: `Check that cluster ${id} promoted a reader in a healthy Availability Zone (automatic)`,
              commands: [
                `aws rds describe-db-clusters --region ${region} --db-cluster-identifier ${id} --query 'DBClusters[0].DBClusterMembers'`,
                `aws rds failover-db-cluster --region ${region} --db-cluster-identifier ${id} --target-db-instance-identifier <reader in a healthy AZ>`,
              ],
            },
          ]
        : [
            {
              title: `Add a writer instance to cluster ${id} in a healthy Availability Zone`,
              detail:
                'Aurora storage already spans three Availability Zones; only the instance is lost',
              commands: [
                `aws rds create-db-instance --region ${region} --db-cluster-identifier ${id} --db-instance-identifier ${name(store, ctx, '-az')} --db-instance-class <same class> --engine <cluster engine> --availability-zone <healthy AZ>`,
              ],
            },
          ];
    case 'ebs':
      return backupRestoreSteps(store, ctx, region, ctx.vaultName).concat([
        {
          title: `Attach the restored volume to an instance in the healthy Availability Zone`,
          commands: [
            `aws ec2 attach-volume --region ${region} --volume-id <restored volume id> --instance-id <instance> --device /dev/sdf`,
          ],
        },
      ]);
    default:
      return [];
  }
}

/** Steps for one store when the primary Region is lost. */
export function storeRegionSteps(
  store: StorePlan,
  ctx: ProcedureContext,
  copied: boolean,
): ProcedureStep[] {
  const id = name(store, ctx);
  const recovery = ctx.regions.recovery;
  switch (store.replication) {
    case 'aurora-global-database':
      return [
        {
          title: `Fail the global database of ${id} over to its secondary cluster in ${recovery}`,
          detail:
            'unplanned: accepts the replication lag as data loss; for a planned move use switchover-global-cluster',
          commands: [
            `aws rds failover-global-cluster --region ${recovery} --global-cluster-identifier ${name(store, ctx, '-global')} --target-db-cluster-identifier <${recovery} secondary cluster ARN> --allow-data-loss`,
          ],
        },
      ];
    case 'rds-read-replica':
      return [
        {
          title: `Promote the read replica of ${id} in ${recovery} to a standalone instance`,
          commands: [
            `aws rds promote-read-replica --region ${recovery} --db-instance-identifier ${name(store, ctx, '-replica')}`,
            `aws rds wait db-instance-available --region ${recovery} --db-instance-identifier ${name(store, ctx, '-replica')}`,
          ],
        },
      ];
    case 'rds-backup-replication':
      return [
        {
          title: `Restore ${id} in ${recovery} from its replicated automated backups`,
          commands: [
            `aws rds restore-db-instance-to-point-in-time --region ${recovery} --source-db-instance-automated-backups-arn <replicated backup ARN> --target-db-instance-identifier ${id} --use-latest-restorable-time`,
          ],
        },
      ];
    case 'dynamodb-global-table':
    case 'dynamodb-global-table-strong':
      return [
        {
          title: `Use the ${recovery} replica of global table ${id}: nothing to promote, every replica takes writes`,
          detail: 'shift the traffic (next steps); check the replica is ACTIVE',
          commands: [
            `aws dynamodb describe-table --region ${recovery} --table-name ${id} --query 'Table.TableStatus'`,
          ],
        },
      ];
    case 's3-crr':
    case 's3-crr-rtc':
      return [
        {
          title: `Point the service at the replica bucket of ${id} in ${recovery}`,
          detail:
            'objects written in the last minutes before the outage may be missing (replication lag)',
          commands: [
            `aws s3api head-bucket --region ${recovery} --bucket ${name(store, ctx, '-replica')}`,
          ],
        },
      ];
    case 'efs-replication':
      return [
        {
          title: `Make the ${recovery} replica of ${id} writable by deleting the replication configuration`,
          detail:
            'the replica is read-only while replication exists; it can be deleted from the destination Region',
          commands: [
            `aws efs delete-replication-configuration --region ${recovery} --source-file-system-id ${name(store, ctx, ' file system id')}`,
          ],
        },
      ];
    case undefined:
      break;
  }
  if (copied) {
    return backupRestoreSteps(store, ctx, recovery, ctx.recoveryVaultName);
  }
  return [
    {
      title: `No copy of ${id} exists outside ${ctx.regions.primary}: its data cannot be recovered in ${recovery}`,
      detail: 'add a cross-Region copy action or replication to the plan',
      commands: [],
    },
  ];
}

/**
 * Steps for one store after a compromised account: once the account is contained, restore from
 * the locked vault (vault lock keeps the recovery points from being deleted).
 */
export function storeAccountSteps(store: StorePlan, ctx: ProcedureContext): ProcedureStep[] {
  if (!store.backedUp || !ctx.immutable) {
    return [
      {
        title: `No locked recovery point protects ${name(store, ctx)}: an attacker may have deleted them`,
        detail: 'enable vault lock (an immutable tier) or copy recovery points to another account',
        commands: [],
      },
    ];
  }
  return backupRestoreSteps(store, ctx, ctx.regions.primary, ctx.vaultName);
}

/** Steps that return one store to the primary Region after a Region failover. */
export function storeRegionFailBackSteps(store: StorePlan, ctx: ProcedureContext): ProcedureStep[] {
  const id = name(store, ctx);
  const { primary, recovery } = ctx.regions;
  switch (store.replication) {
    case 'aurora-global-database':
      return [
        {
          title: `Switch the global database of ${id} back to ${primary} (planned, no data loss)`,
          commands: [
            `aws rds switchover-global-cluster --region ${primary} --global-cluster-identifier ${name(store, ctx, '-global')} --target-db-cluster-identifier <${primary} cluster ARN>`,
          ],
        },
      ];
    case 'efs-replication':
      return [
        {
          title: `Replicate ${id} back from ${recovery} to ${primary}, then cut over`,
          commands: [
            `aws efs create-replication-configuration --region ${recovery} --source-file-system-id <${recovery} file system id> --destinations Region=${primary},FileSystemId=${name(store, ctx, ' file system id')}`,
          ],
        },
      ];
    case 'rds-read-replica':
    case 'rds-backup-replication':
      return [
        {
          title: `Create a read replica of the ${recovery} instance in ${primary}, promote it in a maintenance window, and re-create the replica in ${recovery}`,
          commands: [
            `aws rds create-db-instance-read-replica --region ${primary} --db-instance-identifier ${id} --source-db-instance-identifier <${recovery} instance ARN>`,
          ],
        },
      ];
    case 's3-crr':
    case 's3-crr-rtc':
      return [
        {
          title: `Copy objects written in ${recovery} back to ${id} before switching back`,
          commands: [
            `aws s3 sync s3://${name(store, ctx, '-replica')} s3://${id} --source-region ${recovery} --region ${primary}`,
          ],
        },
      ];
    default:
      return [];
  }
}
