import type { BackupSelection, ResourceId, TagCondition } from '../model/inventory';
import { isUnresolved, Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { asArray, isRecord } from './raw';
import type { ResourceReader } from './resource-reader';
import type { StackScope } from './stack-scope';
import { readReference, readString, requiredString } from './values';
import { withEntry } from './with-entry';

type Selected = Known<{ readonly id: ResourceId } | { readonly arn: string }>;

const OPERATORS = ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike'] as const;

/** `aws:ResourceTag/team` → `team`. */
function tagKey(key: string): string {
  return key.startsWith('aws:ResourceTag/') ? key.slice('aws:ResourceTag/'.length) : key;
}

function selected(scope: StackScope, raw: unknown): Selected[] {
  // the list itself may be a deploy-time value
  const list = scope.resolve(raw);
  if (list.kind !== 'literal') {
    return [
      new Unresolved(
        `resource list ${list.kind === 'unresolved' ? list.unresolved.expression : ''}`,
      ),
    ];
  }
  return asArray(list.value).map((item): Selected => {
    const ref = readReference(scope, item);
    if (ref === undefined) {
      return new Unresolved('empty resource entry');
    }
    if (isUnresolved(ref) || 'id' in ref) {
      return ref;
    }
    return { arn: ref.literal };
  });
}

function condition(
  scope: StackScope,
  operator: TagCondition['operator'],
  raw: unknown,
): TagCondition | undefined {
  if (!isRecord(raw)) {
    return undefined;
  }
  const key = readString(scope, raw.ConditionKey);
  if (typeof key !== 'string') {
    return undefined;
  }
  return {
    operator,
    key: tagKey(key),
    value: requiredString(scope, raw.ConditionValue, 'ConditionValue'),
  };
}

function plan(scope: StackScope, raw: unknown): Known<ResourceId> {
  const ref = readReference(scope, raw, ['AWS::Backup::BackupPlan']);
  if (ref === undefined) {
    return new Unresolved('BackupPlanId (absent)');
  }
  if (isUnresolved(ref) || 'id' in ref) {
    return isUnresolved(ref) ? ref : ref.id;
  }
  return new Unresolved(`backup plan ${ref.literal} (not in the templates)`);
}

function role(scope: StackScope, raw: unknown): Known<string> {
  const ref = readReference(scope, raw);
  if (ref === undefined) {
    return new Unresolved('IamRoleArn (absent)');
  }
  if (isUnresolved(ref) || 'id' in ref) {
    return isUnresolved(ref) ? ref : ref.id;
  }
  return ref.literal;
}

/** Reads `AWS::Backup::BackupSelection`. */
export const readBackupSelection: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  const s = isRecord(p.BackupSelection) ? p.BackupSelection : {};
  const conditions: TagCondition[] = [];
  const byOperator = isRecord(s.Conditions) ? s.Conditions : {};
  for (const operator of OPERATORS) {
    for (const c of asArray(byOperator[operator])) {
      const parsed = condition(scope, operator, c);
      if (parsed) {
        conditions.push(parsed);
      }
    }
  }
  const listOfTags = asArray(s.ListOfTags)
    .map((c) => condition(scope, 'StringEquals', c))
    .filter((c): c is TagCondition => c !== undefined);
  const selection = withEntry<BackupSelection>(resource, {
    plan: plan(scope, p.BackupPlanId),
    resources: selected(scope, s.Resources),
    notResources: selected(scope, s.NotResources),
    listOfTags,
    conditions,
    iamRole: role(scope, s.IamRoleArn),
  });
  out.backupSelections.push(selection);
};
