import type { Vault } from '../../model/inventory';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import type { Known } from '../../model/unresolved';
import { asArray, isRecord } from '../raw';
import { attachmentsOf } from './pulumi-reader';
import type { PulumiReader } from './pulumi-reader';
import type { PulumiScope, ScopedRecord } from './pulumi-scope';
import { PULUMI_TYPES } from './pulumi-type-map';
import { pulumiNumber, pulumiString } from './pulumi-values';

/** Key of a vault: by id when in the stack, and whether it is customer managed. */
function encryptionKey(
  scope: PulumiScope,
  vault: ScopedRecord,
): Pick<Vault, 'encryptionKey' | 'customerManagedKey'> {
  const ref = scope.reference(vault, 'kmsKeyArn', vault.props.kmsKeyArn, PULUMI_TYPES.keys);
  if (ref === undefined) {
    // no key: AWS Backup uses its AWS managed key (aws/backup)
    return { encryptionKey: undefined, customerManagedKey: false };
  }
  if (isUnresolved(ref)) {
    return { encryptionKey: ref, customerManagedKey: ref };
  }
  if ('id' in ref) {
    const key = scope.byId(ref.id);
    if (key?.record.type !== 'aws:kms/alias:Alias') {
      return { encryptionKey: ref.id, customerManagedKey: true };
    }
    const alias = pulumiString(key.props.name);
    return {
      encryptionKey: ref.id,
      customerManagedKey:
        typeof alias === 'string'
          ? !alias.startsWith('alias/aws/')
          : new Unresolved(`alias ${ref.id}`),
    };
  }
  // AWS managed keys have aliases `alias/aws/<service>`; customer aliases only name customer keys
  return {
    encryptionKey: ref.literal,
    customerManagedKey: !/:alias\/aws\/|^alias\/aws\//.test(ref.literal),
  };
}

/** `pattern` with IAM wildcards (`*`, `?`) matches `action`, case-insensitively. */
function actionMatches(pattern: string, action: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(action);
}

/** True when an access policy (JSON text or object) denies `backup:DeleteRecoveryPoint`. */
function deniesDeletion(raw: unknown): Known<boolean> {
  if (isUnresolved(raw)) {
    return raw;
  }
  let policy = raw;
  if (typeof policy === 'string') {
    try {
      policy = JSON.parse(policy);
    } catch {
      return new Unresolved('policy (not valid JSON)');
    }
  }
  if (!isRecord(policy)) {
    return new Unresolved('policy');
  }
  return asArray(policy.Statement).some(
    (s) =>
      isRecord(s) &&
      s.Effect === 'Deny' &&
      asArray(s.Action).some(
        (a) => typeof a === 'string' && actionMatches(a, 'backup:DeleteRecoveryPoint'),
      ),
  );
}

function lock(scope: PulumiScope, vault: ScopedRecord): Pick<Vault, 'lock'> {
  const { attached, uncertain } = attachmentsOf(
    scope,
    vault,
    'LockConfiguration',
    'backupVaultName',
  );
  const config = attached[attached.length - 1];
  if (config) {
    return {
      lock: {
        minRetentionDays: pulumiNumber(config.props.minRetentionDays),
        maxRetentionDays: pulumiNumber(config.props.maxRetentionDays),
        changeableForDays: pulumiNumber(config.props.changeableForDays),
      },
    };
  }
  // a lock configuration whose vault is unknown until deploy may lock this one
  return uncertain
    ? {
        lock: {
          minRetentionDays: uncertain,
          maxRetentionDays: uncertain,
          changeableForDays: uncertain,
        },
      }
    : {};
}

function policyDenies(scope: PulumiScope, vault: ScopedRecord): Known<boolean> {
  const { attached, uncertain } = attachmentsOf(scope, vault, 'AccessPolicy', 'backupVaultName');
  const policy = attached[attached.length - 1];
  if (policy) {
    return deniesDeletion(policy.props.policy);
  }
  return uncertain ?? false;
}

/** Reads `aws:backup/vault:Vault` with its lock configuration and access policy resources. */
export const readBackupVault: PulumiReader = ({ scoped, entry }, scope, out) => {
  out.vaults.push({
    ...entry,
    name: pulumiString(scoped.props.name),
    ...encryptionKey(scope, scoped),
    ...lock(scope, scoped),
    deniesRecoveryPointDeletion: policyDenies(scope, scoped),
  });
};

/**
 * Reads `aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault`: encrypted with an AWS
 * owned key and locked in compliance mode.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html
 */
export const readAirGappedVault: PulumiReader = ({ scoped, entry }, scope, out) => {
  out.vaults.push({
    ...entry,
    name: pulumiString(scoped.props.name),
    encryptionKey: undefined,
    customerManagedKey: false,
    lock: {
      minRetentionDays: pulumiNumber(scoped.props.minRetentionDays),
      maxRetentionDays: pulumiNumber(scoped.props.maxRetentionDays),
      changeableForDays: 0,
    },
    deniesRecoveryPointDeletion: policyDenies(scope, scoped),
  });
};
