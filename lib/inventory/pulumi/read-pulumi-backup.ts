import type {
  BackupRule,
  BackupSelection,
  CopyAction,
  ResourceId,
  TagCondition,
} from '../../model/inventory';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import type { Known } from '../../model/unresolved';
import type { RawObject } from '../raw';
import type { PulumiReader } from './pulumi-reader';
import type { PulumiReference, PulumiScope, ScopedRecord } from './pulumi-scope';
import { PULUMI_TYPES } from './pulumi-type-map';
import {
  firstBlock,
  knownList,
  pulumiBoolean,
  pulumiNumber,
  pulumiObject,
  pulumiString,
} from './pulumi-values';

const VAULTS: readonly string[] = PULUMI_TYPES.vaults;

/** Store types a selection's `resources` may name. */
const STORE_TYPES: readonly string[] = [
  PULUMI_TYPES.table,
  ...PULUMI_TYPES.buckets,
  PULUMI_TYPES.dbInstance,
  PULUMI_TYPES.dbCluster,
  PULUMI_TYPES.fileSystem,
  'aws:ebs/volume:Volume',
];

/** Vaults among the plan's `rules` dependencies, for targets unknown until deploy. */
class VaultCandidates {
  private readonly used = new Set<ResourceId>();

  public constructor(
    private readonly scope: PulumiScope,
    private readonly plan: ScopedRecord,
  ) {}

  /** The one vault of the plan's Region the rules depend on (a rule's vault is in its Region). */
  public target(raw: unknown): Known<ResourceId | string> {
    const ref = this.scope.reference(this.plan, 'rules', raw, VAULTS);
    if (ref === undefined) {
      return new Unresolved('targetVaultName (absent)');
    }
    if (!isUnresolved(ref)) {
      const id = 'id' in ref ? ref.id : ref.literal;
      this.used.add(id);
      return id;
    }
    const region = this.scope.regionOf(this.plan);
    const local = this.scope
      .dependencies(this.plan, 'rules', VAULTS)
      .filter((v) => this.scope.regionOf(v) === region);
    if (local.length === 1) {
      this.used.add(local[0].id);
      return local[0].id;
    }
    return ref;
  }

  /** The one vault the rules depend on that is no rule's target. */
  public destination(): ScopedRecord | undefined {
    const others = this.scope
      .dependencies(this.plan, 'rules', VAULTS)
      .filter((v) => !this.used.has(v.id));
    return others.length === 1 ? others[0] : undefined;
  }
}

function arnParts(text: string): { region: Known<string>; account: Known<string> } {
  const fields = text.split(':');
  const unknown = new Unresolved(text);
  if (fields.length < 6 || fields[0] !== 'arn') {
    return { region: unknown, account: unknown };
  }
  return { region: fields[3] || unknown, account: fields[4] || unknown };
}

function copyAction(
  scope: PulumiScope,
  plan: ScopedRecord,
  raw: RawObject,
  vaults: VaultCandidates,
): CopyAction {
  const deleteAfterDays = pulumiNumber(firstBlock(raw.lifecycle).deleteAfter);
  const arn = raw.destinationVaultArn;
  const ref = scope.reference(plan, 'rules', arn, VAULTS);
  const text = pulumiString(arn);
  const vault =
    ref && !isUnresolved(ref) && 'id' in ref
      ? scope.byId(ref.id)
      : isUnresolved(ref)
        ? vaults.destination()
        : undefined;
  if (vault) {
    const parts = typeof text === 'string' ? arnParts(text) : undefined;
    return {
      destinationVaultArn: typeof text === 'string' ? text : new Unresolved(`ARN of ${vault.id}`),
      destinationRegion: scope.regionOf(vault),
      destinationAccount:
        parts?.account ?? scope.options.account ?? new Unresolved(`account of ${vault.id}`),
      destinationVault: vault.id,
      deleteAfterDays,
    };
  }
  if (typeof text !== 'string') {
    const unknown = text ?? new Unresolved('destinationVaultArn (absent)');
    return {
      destinationVaultArn: unknown,
      destinationRegion: unknown,
      destinationAccount: unknown,
      deleteAfterDays,
    };
  }
  const { region, account } = arnParts(text);
  return {
    destinationVaultArn: text,
    destinationRegion: region,
    destinationAccount: account,
    deleteAfterDays,
  };
}

function rule(raw: RawObject, index: number, vaults: VaultCandidates): BackupRule {
  const name = pulumiString(raw.ruleName);
  const lifecycle = firstBlock(raw.lifecycle);
  return {
    name: typeof name === 'string' ? name : `rule ${index + 1}`,
    scheduleExpression: pulumiString(raw.schedule),
    startWindowMinutes: pulumiNumber(raw.startWindow),
    completionWindowMinutes: pulumiNumber(raw.completionWindow),
    deleteAfterDays: pulumiNumber(lifecycle.deleteAfter),
    moveToColdStorageAfterDays: pulumiNumber(lifecycle.coldStorageAfter),
    enableContinuousBackup: pulumiBoolean(raw.enableContinuousBackup) ?? false,
    targetVault: vaults.target(raw.targetVaultName),
    copyActions: [],
  };
}

/** Reads `aws:backup/plan:Plan`. */
export const readBackupPlan: PulumiReader = ({ scoped, entry }, scope, out) => {
  const vaults = new VaultCandidates(scope, scoped);
  const raws = knownList(scoped.props.rules).map(pulumiObject);
  // targets first, so copy actions unknown until deploy can exclude them
  const rules = raws.map((r, i) => rule(r, i, vaults));
  out.backupPlans.push({
    ...entry,
    rules: rules.map((r, i) => ({
      ...r,
      copyActions: knownList(raws[i].copyActions).map((c) =>
        copyAction(scope, scoped, pulumiObject(c), vaults),
      ),
    })),
  });
};

type Selected = Known<{ readonly id: ResourceId } | { readonly arn: string }>;

function selected(refs: readonly Known<PulumiReference>[]): Selected[] {
  return refs.map((r) => (isUnresolved(r) ? r : 'id' in r ? { id: r.id } : { arn: r.literal }));
}

/** `aws:ResourceTag/team` → `team`. */
function tagKey(key: string): string {
  return key.startsWith('aws:ResourceTag/') ? key.slice('aws:ResourceTag/'.length) : key;
}

const OPERATORS: readonly (readonly [string, TagCondition['operator']])[] = [
  ['stringEquals', 'StringEquals'],
  ['stringLikes', 'StringLike'],
  ['stringNotEquals', 'StringNotEquals'],
  ['stringNotLikes', 'StringNotLike'],
];

function condition(operator: TagCondition['operator'], raw: unknown): TagCondition | undefined {
  const c = pulumiObject(raw);
  const key = pulumiString(c.key);
  if (typeof key !== 'string') {
    return undefined;
  }
  return {
    operator,
    key: tagKey(key),
    value: pulumiString(c.value) ?? new Unresolved('value (absent)'),
  };
}

function known<T>(
  ref: Known<PulumiReference | undefined>,
  absent: string,
  literal: (text: string) => Known<T>,
  id: (id: ResourceId) => T,
): Known<T> {
  if (ref === undefined) {
    return new Unresolved(absent);
  }
  if (isUnresolved(ref)) {
    return ref;
  }
  return 'id' in ref ? id(ref.id) : literal(ref.literal);
}

/** Reads `aws:backup/selection:Selection`: `selectionTags` are ListOfTags (OR), `conditions` AND. */
export const readBackupSelection: PulumiReader = ({ scoped, entry }, scope, out) => {
  const p = scoped.props;
  const conditions = knownList(p.conditions).flatMap((block) =>
    OPERATORS.flatMap(([prop, operator]) =>
      knownList(pulumiObject(block)[prop])
        .map((c) => condition(operator, c))
        .filter((c): c is TagCondition => c !== undefined),
    ),
  );
  const listOfTags = knownList(p.selectionTags)
    .filter(
      (t) =>
        String(pulumiString(pulumiObject(t).type) ?? 'STRINGEQUALS').toUpperCase() ===
        'STRINGEQUALS',
    )
    .map((t) => condition('StringEquals', t))
    .filter((c): c is TagCondition => c !== undefined);
  const selection: BackupSelection = {
    ...entry,
    plan: known(
      scope.reference(scoped, 'planId', p.planId, [PULUMI_TYPES.plan]),
      'planId (absent)',
      (text) => new Unresolved(`backup plan ${text} (not in the stack)`),
      (id) => id,
    ),
    resources: selected(scope.referenceList(scoped, 'resources', p.resources ?? [], STORE_TYPES)),
    notResources: selected(
      scope.referenceList(scoped, 'notResources', p.notResources ?? [], STORE_TYPES),
    ),
    listOfTags,
    conditions,
    iamRole: known(
      scope.reference(scoped, 'iamRoleArn', p.iamRoleArn),
      'iamRoleArn (absent)',
      (text) => text,
      (id) => id,
    ),
  };
  out.backupSelections.push(selection);
};

/** Reads `aws:backup/restoreTestingPlan:RestoreTestingPlan`. */
export const readRestoreTestingPlan: PulumiReader = ({ scoped, entry }, _scope, out) => {
  out.restoreTestingPlans.push({
    ...entry,
    scheduleExpression:
      pulumiString(scoped.props.scheduleExpression) ??
      new Unresolved('scheduleExpression (absent)'),
  });
};
