import type { ResourceId, Vault } from '../model/inventory';
import { isUnresolved, Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { asArray, isRecord } from './raw';
import type { ResourceReader } from './resource-reader';
import type { StackScope } from './stack-scope';
import { readNumber, readReference, readString } from './values';
import { withEntry } from './with-entry';

/** Key of a vault: by id when in the inventory, and whether it is customer managed. */
function encryptionKey(
  scope: StackScope,
  raw: unknown,
): Pick<Vault, 'encryptionKey' | 'customerManagedKey'> {
  const ref = readReference(scope, raw);
  if (ref === undefined) {
    // no key: AWS Backup uses its AWS managed key (aws/backup)
    return { encryptionKey: undefined, customerManagedKey: false };
  }
  if (isUnresolved(ref)) {
    return { encryptionKey: ref, customerManagedKey: ref };
  }
  if ('id' in ref) {
    return { encryptionKey: ref.id, customerManagedKey: keyOrAlias(scope, ref.id) };
  }
  // AWS managed keys have aliases `alias/aws/<service>`; customer aliases only name customer keys
  const awsManaged = /:alias\/aws\/|^alias\/aws\//.test(ref.literal);
  return { encryptionKey: ref.literal, customerManagedKey: !awsManaged };
}

function keyOrAlias(scope: StackScope, id: ResourceId): Known<boolean> {
  const type = scope.index.typeOf(id);
  if (type === 'AWS::KMS::Key' || type === 'AWS::KMS::ReplicaKey') {
    return true;
  }
  if (type === 'AWS::KMS::Alias') {
    const props = scope.index.resource(id)?.raw.Properties;
    const name = isRecord(props) ? readString(scope, props.AliasName) : undefined;
    return typeof name === 'string'
      ? !name.startsWith('alias/aws/')
      : new Unresolved(`alias ${id}`);
  }
  return new Unresolved(`key ${id} of type ${type ?? 'unknown'}`);
}

/** `pattern` with IAM wildcards (`*`, `?`) matches `action`, case-insensitively. */
function actionMatches(pattern: string, action: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(action);
}

function deniesDeletion(scope: StackScope, raw: unknown): Known<boolean> {
  let policy = raw;
  if (policy === undefined) {
    return false;
  }
  if (typeof policy === 'string') {
    try {
      policy = JSON.parse(policy);
    } catch {
      return new Unresolved('AccessPolicy (not valid JSON)');
    }
  }
  if (!isRecord(policy)) {
    return new Unresolved('AccessPolicy');
  }
  for (const statement of asArray(policy.Statement)) {
    if (!isRecord(statement) || readString(scope, statement.Effect) !== 'Deny') {
      continue;
    }
    const actions = asArray(statement.Action).map((a) => readString(scope, a));
    if (
      actions.some((a) => typeof a === 'string' && actionMatches(a, 'backup:DeleteRecoveryPoint'))
    ) {
      return true;
    }
  }
  return false;
}

/** Reads `AWS::Backup::BackupVault` and `AWS::Backup::LogicallyAirGappedBackupVault`. */
export const readBackupVault: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  const airGapped = resource.type === 'AWS::Backup::LogicallyAirGappedBackupVault';
  const lock = isRecord(p.LockConfiguration) ? p.LockConfiguration : undefined;
  out.vaults.push(
    withEntry(resource, {
      name: readString(scope, p.BackupVaultName),
      deniesRecoveryPointDeletion: deniesDeletion(scope, p.AccessPolicy),
      // logically air-gapped vaults are encrypted with an AWS owned key and locked in compliance mode
      // https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html
      ...(airGapped
        ? { encryptionKey: undefined, customerManagedKey: false }
        : encryptionKey(scope, p.EncryptionKeyArn)),
      ...(lock
        ? {
            lock: {
              minRetentionDays: readNumber(scope, lock.MinRetentionDays),
              maxRetentionDays: readNumber(scope, lock.MaxRetentionDays),
              changeableForDays: readNumber(scope, lock.ChangeableForDays),
            },
          }
        : airGapped
          ? {
              lock: {
                minRetentionDays: readNumber(scope, p.MinRetentionDays),
                maxRetentionDays: readNumber(scope, p.MaxRetentionDays),
                changeableForDays: 0,
              },
            }
          : {}),
    }),
  );
};
