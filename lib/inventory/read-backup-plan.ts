import type { BackupRule, CopyAction, ResourceId } from '../model/inventory';
import { isUnresolved, Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { asArray, describe, isRecord } from './raw';
import type { RawObject } from './raw';
import type { ResourceReader } from './resource-reader';
import { partition } from './stack-scope';
import type { StackScope } from './stack-scope';
import {
  isWhole,
  readArnParts,
  readBoolean,
  readNumber,
  readPartialString,
  readReference,
  readString,
  regionOfResource,
  requiredString,
} from './values';
import { withEntry } from './with-entry';

/** CloudFormation types of backup vaults. */
export const VAULT_TYPES = [
  'AWS::Backup::BackupVault',
  'AWS::Backup::LogicallyAirGappedBackupVault',
];

/** Vaults named `name`, preferring those in `region`. */
function vaultsNamed(
  scope: StackScope,
  name: string,
  region: Known<string>,
): readonly ResourceId[] {
  const all = VAULT_TYPES.flatMap((t) => scope.index.findByName(t, 'BackupVaultName', name));
  const inRegion = all.filter((id) => regionOfResource(scope, id) === region);
  return inRegion.length > 0 ? inRegion : all;
}

function targetVault(scope: StackScope, raw: unknown): Known<ResourceId | string> {
  const reference = readReference(scope, raw, VAULT_TYPES);
  if (reference === undefined) {
    return new Unresolved('TargetBackupVault (absent)');
  }
  if (isUnresolved(reference) || 'id' in reference) {
    return isUnresolved(reference) ? reference : reference.id;
  }
  const ids = vaultsNamed(scope, reference.literal, scope.stack.region);
  return ids.length === 1 ? ids[0] : reference.literal;
}

function lifecycle(
  scope: StackScope,
  raw: unknown,
): Pick<BackupRule, 'deleteAfterDays' | 'moveToColdStorageAfterDays'> {
  const l = isRecord(raw) ? raw : {};
  return {
    deleteAfterDays: readNumber(scope, l.DeleteAfterDays),
    moveToColdStorageAfterDays: readNumber(scope, l.MoveToColdStorageAfterDays),
  };
}

/** The ARN of a vault in the inventory, when its name, Region and account are literal. */
function vaultArn(scope: StackScope, id: ResourceId): Known<string> {
  const found = scope.index.resource(id);
  const props = found && isRecord(found.raw.Properties) ? found.raw.Properties : {};
  const name = props.BackupVaultName;
  const { region, account } = found?.stack ?? {};
  if (typeof name === 'string' && typeof region === 'string' && typeof account === 'string') {
    return `arn:${partition(region)}:backup:${region}:${account}:backup-vault:${name}`;
  }
  return new Unresolved(`ARN of ${id}`);
}

function copyAction(scope: StackScope, raw: RawObject): CopyAction {
  const arnRaw = raw.DestinationBackupVaultArn;
  const { deleteAfterDays } = lifecycle(scope, raw.Lifecycle);
  const reference = readReference(scope, arnRaw, VAULT_TYPES);
  if (reference && !isUnresolved(reference) && 'id' in reference) {
    const stack = scope.index.resource(reference.id)?.stack;
    return {
      destinationVaultArn: vaultArn(scope, reference.id),
      destinationRegion: regionOfResource(scope, reference.id),
      destinationAccount: stack?.account ?? new Unresolved(`account of ${reference.id}`),
      destinationVault: reference.id,
      deleteAfterDays,
    };
  }
  const { region, account } = readArnParts(scope, arnRaw);
  const text = readPartialString(scope, arnRaw);
  const name = text?.split(':backup-vault:')[1];
  const ids =
    name && isWhole(name) && typeof region === 'string' ? vaultsNamed(scope, name, region) : [];
  const destinationVault =
    ids.length === 1 && regionOfResource(scope, ids[0]) === region ? ids[0] : undefined;
  return {
    destinationVaultArn:
      text !== undefined && isWhole(text) ? text : new Unresolved(describe(arnRaw)),
    destinationRegion: region,
    destinationAccount: account,
    deleteAfterDays,
    ...(destinationVault ? { destinationVault } : {}),
  };
}

function rule(scope: StackScope, raw: RawObject, index: number): BackupRule {
  const name = readString(scope, raw.RuleName);
  return {
    name: typeof name === 'string' ? name : `rule ${index + 1}`,
    scheduleExpression: readString(scope, raw.ScheduleExpression),
    startWindowMinutes: readNumber(scope, raw.StartWindowMinutes),
    completionWindowMinutes: readNumber(scope, raw.CompletionWindowMinutes),
    enableContinuousBackup: readBoolean(scope, raw.EnableContinuousBackup) ?? false,
    targetVault: targetVault(scope, raw.TargetBackupVault),
    copyActions: asArray(raw.CopyActions)
      .filter(isRecord)
      .map((c) => copyAction(scope, c)),
    ...lifecycle(scope, raw.Lifecycle),
  };
}

/** Reads `AWS::Backup::BackupPlan`. */
export const readBackupPlan: ResourceReader = (resource, scope, out) => {
  const plan = resource.properties.BackupPlan;
  const rules = isRecord(plan) ? asArray(plan.BackupPlanRule).filter(isRecord) : [];
  out.backupPlans.push(
    withEntry(resource, {
      rules: rules.map((r, i) => rule(scope, r, i)),
    }),
  );
};

/** Reads `AWS::Backup::RestoreTestingPlan`. */
export const readRestoreTestingPlan: ResourceReader = (resource, scope, out) => {
  out.restoreTestingPlans.push(
    withEntry(resource, {
      scheduleExpression: requiredString(
        scope,
        resource.properties.ScheduleExpression,
        'ScheduleExpression',
      ),
    }),
  );
};
