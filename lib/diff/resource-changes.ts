import {
  deletionFate,
  effectiveDeletionPolicy,
  effectiveUpdateReplacePolicy,
  fateOf,
  holdsOwnData,
  keepsLess,
  replacementFate,
} from './data-fate';
import { deepEqual, hasIntrinsic } from './deep-equal';
import { replacementRule } from './replacement-properties';
import { nativeProperties, replacementCheck } from './replacement-rule';
import { describeValue, fateText, idOf, likelyRename, servicesOf } from './resource-change-text';
import type { AssembledState, PropertyChange, ResourceChange } from './continuity-diff';
import type { ReplacementRule } from './replacement-rule';
import type { InventoryResource, ResourceId } from '../model/inventory';

/** Services of each resource on both sides of the diff. */
export interface ServiceLookup {
  readonly before: ReadonlyMap<ResourceId, readonly string[]>;
  readonly after: ReadonlyMap<ResourceId, readonly string[]>;
}

/**
 * Every stateful resource (a type of {@link REPLACEMENT_PROPERTIES}) the change would replace,
 * may replace, delete, leave with a weaker deletion or replacement policy, or fail to update.
 *
 * Resources are matched by stack and logical ID. A removed id is checked for a likely rename (a
 * new id of the same type in the same stack, or the same id in another stack). Values are
 * compared structurally, intrinsics included; a changed replacement property whose value is an
 * intrinsic gives `may-replace` (fail closed). A resource read from Pulumi is judged by the
 * `@pulumi/aws` inputs that force a replacement of its type (`pulumi` in the table).
 */
export function diffResources(
  before: AssembledState,
  after: AssembledState,
  services: ServiceLookup,
): ResourceChange[] {
  const oldById = statefulById(before.inventory.resources);
  const newById = new Map(after.inventory.resources.map((r) => [r.id, r]));
  const added = after.inventory.resources.filter(
    (r) => replacementRule(r.type) !== undefined && !oldById.has(r.id),
  );
  const changes: ResourceChange[] = [];
  for (const old of oldById.values()) {
    const rule = replacementRule(old.type) as ReplacementRule;
    const next = newById.get(old.id);
    const owners = servicesOf(old.id, services);
    if (next === undefined) {
      changes.push(deletion(old, likelyRename(old, added), owners));
      continue;
    }
    if (next.type !== old.type) {
      changes.push(typeChange(old, next, owners));
      continue;
    }
    const replaced = replacement(old, next, rule, owners);
    if (replaced) {
      changes.push(replaced);
    }
    changes.push(...weakenedPolicies(old, next, owners));
  }
  return changes;
}

function statefulById(resources: readonly InventoryResource[]): Map<ResourceId, InventoryResource> {
  return new Map(
    resources.filter((r) => replacementRule(r.type) !== undefined).map((r) => [r.id, r]),
  );
}

function location(
  r: InventoryResource,
): Pick<ResourceChange, 'stack' | 'logicalId' | 'type' | 'path'> {
  return {
    stack: r.location.stack,
    logicalId: r.location.logicalId,
    type: r.type,
    ...(r.location.path !== undefined ? { path: r.location.path } : {}),
  };
}

function deletion(
  old: InventoryResource,
  renamedTo: InventoryResource | undefined,
  services: readonly string[],
): ResourceChange {
  const fate = deletionFate(old);
  const policy = `DeletionPolicy ${effectiveDeletionPolicy(old)}`;
  const base = {
    action: 'delete' as const,
    ...location(old),
    services,
    properties: [],
    fate,
  };
  if (renamedTo !== undefined) {
    const to = idOf(renamedTo);
    return {
      ...base,
      likelyRenamedTo: to,
      dataAtRisk:
        holdsOwnData(old) && (fate !== 'retained' || replacementRule(old.type)?.liveData === true),
      message:
        `${old.type} ${idOf(old)} is gone and ${to} of the same type is new: likely the same ` +
        `resource under a new logical ID, which CloudFormation creates empty while the old one is ` +
        `${fateText(fate)} (${policy})`,
      fix:
        `keep the logical ID '${old.location.logicalId}' (in CDK: ` +
        `\`(resource.node.defaultChild as CfnResource).overrideLogicalId('${old.location.logicalId}')\`), ` +
        'or move the resource with a CloudFormation stack refactor before you deploy',
    };
  }
  if (!holdsOwnData(old)) {
    return {
      ...base,
      dataAtRisk: false,
      message:
        `${old.type} ${idOf(old)} is removed from its stack: the DB instance goes, the data stays ` +
        `in its DB cluster's volume (${policy})`,
      fix: 'nothing is lost; check the cluster keeps the instances its tier needs',
    };
  }
  return {
    ...base,
    dataAtRisk: fate === 'deleted',
    message: `${old.type} ${idOf(old)} is removed from its stack: it is ${fateText(fate)} (${policy})`,
    fix:
      fate === 'retained'
        ? 'nothing is lost; delete or re-import the retained resource deliberately'
        : `keep the resource in the template, or set DeletionPolicy: Retain on it and deploy that first`,
  };
}

function typeChange(
  old: InventoryResource,
  next: InventoryResource,
  services: readonly string[],
): ResourceChange {
  return {
    action: 'update-fails',
    ...location(old),
    services,
    properties: [{ property: 'Type', before: old.type, after: next.type, unresolved: false }],
    dataAtRisk: false,
    message:
      `${idOf(old)} changes type from ${old.type} to ${next.type}: CloudFormation rejects the ` +
      'update, and giving the new resource another logical ID would delete the old one',
    fix: 'keep the type, or migrate the data to a new resource under a new logical ID first',
  };
}

function changedProperties(
  old: InventoryResource,
  next: InventoryResource,
  names: readonly string[],
): PropertyChange[] {
  const before = nativeProperties(old);
  const after = nativeProperties(next);
  return names
    .filter((name) => !deepEqual(before[name], after[name]))
    .map((name) => ({
      property: name,
      before: before[name],
      after: after[name],
      unresolved: hasIntrinsic(before[name]) || hasIntrinsic(after[name]),
    }));
}

function replacement(
  old: InventoryResource,
  next: InventoryResource,
  rule: ReplacementRule,
  services: readonly string[],
): ResourceChange | undefined {
  // the lists of the backend `next` is deployed with (Pulumi input names or CloudFormation's)
  const check = replacementCheck(next, rule);
  const { tool } = check;
  const required = changedProperties(old, next, check.replacement);
  const conditional = changedProperties(old, next, check.conditional);
  const fails = changedProperties(old, next, check.updateFails);
  const describe = (list: readonly PropertyChange[]): string =>
    list
      .map((p) => `${p.property} ${describeValue(p.before)} -> ${describeValue(p.after)}`)
      .join(', ');
  const fate = replacementFate(old, next);
  const keep =
    tool === 'Pulumi'
      ? `${fate === 'retained' ? 'retainOnDelete or protect set' : 'retainOnDelete not set'}`
      : `UpdateReplacePolicy ${effectiveUpdateReplacePolicy(next)}`;
  const fix =
    'keep these properties as they are; if the change is intended, copy the data out first ' +
    '(restore a backup into the new resource) and ' +
    (tool === 'Pulumi' ? 'set retainOnDelete: true' : 'set UpdateReplacePolicy: Retain');
  const certain = required.filter((p) => !p.unresolved);
  if (certain.length > 0) {
    return {
      action: 'replace',
      ...location(next),
      services,
      properties: [...required, ...conditional],
      fate,
      dataAtRisk: holdsOwnData(old) && (fate !== 'retained' || rule.liveData),
      message:
        `${tool} replaces ${next.type} ${idOf(next)} (${describe(certain)}): the new ` +
        `resource starts empty and the old one is ${fateText(fate)} (${keep})`,
      fix,
    };
  }
  const uncertain = [...required, ...conditional];
  if (uncertain.length > 0) {
    const why =
      required.length > 0
        ? 'the values are not known until deploy'
        : `these properties replace the resource in some cases (${check.docsUrl})`;
    return {
      action: 'may-replace',
      ...location(next),
      services,
      properties: uncertain,
      fate,
      dataAtRisk: holdsOwnData(old) && (fate !== 'retained' || rule.liveData),
      message:
        `${tool} may replace ${next.type} ${idOf(next)} (${describe(uncertain)}): ${why}; ` +
        `if it does, the new resource starts empty and the old one is ${fateText(fate)} (${keep})`,
      fix,
    };
  }
  if (fails.length > 0) {
    return {
      action: 'update-fails',
      ...location(next),
      services,
      properties: fails,
      dataAtRisk: false,
      message:
        `CloudFormation rejects the update of ${next.type} ${idOf(next)} (${describe(fails)}): ` +
        'these properties cannot change on an existing resource',
      fix: 'keep these properties as they are, or create a new resource and migrate to it',
    };
  }
  return undefined;
}

function weakenedPolicies(
  old: InventoryResource,
  next: InventoryResource,
  services: readonly string[],
): ResourceChange[] {
  const pairs = [
    ['DeletionPolicy', effectiveDeletionPolicy(old), effectiveDeletionPolicy(next)],
    ['UpdateReplacePolicy', effectiveUpdateReplacePolicy(old), effectiveUpdateReplacePolicy(next)],
  ] as const;
  return pairs
    .filter(([, before, after]) => keepsLess(fateOf(before, old.type), fateOf(after, next.type)))
    .map(([attribute, before, after]) => {
      const fate = fateOf(after, next.type);
      return {
        action: 'policy-weakened' as const,
        ...location(next),
        services,
        properties: [],
        fate,
        policy: { attribute, before, after },
        dataAtRisk: fate === 'deleted' && holdsOwnData(next),
        message:
          `${attribute} of ${next.type} ${idOf(next)} goes from ${before} to ${after}: after a later ` +
          `${attribute === 'DeletionPolicy' ? 'removal' : 'replacement'} it is ${fateText(fate)}`,
        fix: `keep ${attribute}: ${before}`,
      };
    });
}
