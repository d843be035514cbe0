import { isUnresolved } from '../model';
import { globMatches } from './glob';
import { indexSelections } from './selection-index';
import { arnPatternMatches, storeArn } from './store-arn';
import { orTri } from './tri-state';
import type { Coverage, StoreCoverage, UncertainCoverage } from './assessment-context';
import type { InventoryIndex } from './index-inventory';
import type { StoreArn } from './store-arn';
import type { Tri } from './tri-state';
import type { BackupPlan, BackupSelection, Known, ResourceId, Store, TagCondition } from '../model';

/*
 * How a backup selection picks resources
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html and
 * https://repost.aws/knowledge-center/backup-assign-resources):
 * - `Resources` and `ListOfTags` combine with OR; an entry of `ListOfTags` matches with
 *   StringEquals, and one matching tag is enough;
 * - `Conditions` combine with AND, with each other and with the above;
 * - `NotResources` removes resources from the result;
 * - with neither `Resources` nor `ListOfTags`, every supported resource is a candidate.
 */

type SelectionItem = Known<{ readonly id: ResourceId } | { readonly arn: string }>;

/** Tag key without an `aws:ResourceTag/` style prefix (AWS accepts both forms). */
export function tagKey(conditionKey: string): string {
  const slash = conditionKey.indexOf('ResourceTag/');
  return slash >= 0 ? conditionKey.slice(slash + 'ResourceTag/'.length) : conditionKey;
}

/** Whether a tag condition holds for a store's tags. Condition operators are case sensitive. */
export function tagConditionHolds(condition: TagCondition, store: Store): Tri {
  const tag = store.tags[tagKey(condition.key)];
  if (isUnresolved(condition.value) || isUnresolved(tag)) {
    return 'unknown';
  }
  const value = condition.value;
  switch (condition.operator) {
    case 'StringEquals':
      return tag === value;
    case 'StringLike':
      return tag !== undefined && globMatches(value, tag);
    case 'StringNotEquals':
      return tag !== value;
    case 'StringNotLike':
      return tag === undefined || !globMatches(value, tag);
  }
}

function itemSelects(item: SelectionItem, store: Store, arn: StoreArn | undefined): Tri {
  if (isUnresolved(item)) {
    return 'unknown';
  }
  return 'id' in item ? item.id === store.id : arnPatternMatches(item.arn, arn);
}

/** Whether `selection` selects `store`; `unknown` when a deploy-time value decides it. */
export function selectionSelects(
  selection: BackupSelection,
  store: Store,
  arn: StoreArn | undefined,
): Tri {
  // A backup plan only protects resources in its own Region.
  if (
    !isUnresolved(selection.region) &&
    !isUnresolved(store.region) &&
    selection.region !== store.region
  ) {
    return false;
  }
  // Resources and ListOfTags (OR), then Conditions (AND), then NotResources; `false` anywhere
  // decides, an `unknown` stays unless something decides.
  let result: Tri = selection.resources.length + selection.listOfTags.length === 0;
  for (const item of selection.resources) {
    if (result === true) break;
    result = orTri(result, itemSelects(item, store, arn));
  }
  for (const condition of selection.listOfTags) {
    if (result === true) break;
    result = orTri(result, tagConditionHolds(condition, store));
  }
  if (result === false) {
    return false;
  }
  for (const condition of selection.conditions) {
    const holds = tagConditionHolds(condition, store);
    if (holds === false) {
      return false;
    }
    if (holds === 'unknown') {
      result = 'unknown';
    }
  }
  for (const item of selection.notResources) {
    const excluded = itemSelects(item, store, arn);
    if (excluded === true) {
      return false;
    }
    if (excluded === 'unknown') {
      result = 'unknown';
    }
  }
  return result;
}

function describeUnknown(selection: BackupSelection): string {
  return `backup selection ${selection.id} depends on a value known only at deploy time`;
}

/** What a selection adds to the coverage of a store it selects. */
type Contribution =
  | { readonly uncertain: UncertainCoverage; readonly plan?: undefined }
  | {
      readonly uncertain?: undefined;
      readonly plan: BackupPlan;
      /** One coverage per plan rule, with its dedup key `planId#ruleName`. */
      readonly rules: readonly { readonly key: string; readonly coverage: Coverage }[];
    };

function contributionOf(selection: BackupSelection, index: InventoryIndex): Contribution {
  if (isUnresolved(selection.plan)) {
    return {
      uncertain: {
        selection,
        reason: `the backup plan of selection ${selection.id} is known only at deploy time`,
      },
    };
  }
  const plan = index.backupPlans.get(selection.plan);
  if (!plan) {
    return {
      uncertain: {
        selection,
        reason: `backup plan ${selection.plan} of selection ${selection.id} is not in the templates read`,
      },
    };
  }
  return {
    plan,
    rules: plan.rules.map((rule) => ({
      key: `${plan.id}#${rule.name}`,
      coverage: { plan, rule, selection },
    })),
  };
}

/**
 * AWS Backup coverage of every store: the plan rules that certainly apply, and the selections
 * that might (never counted as protection).
 */
export function computeCoverage(
  stores: readonly Store[],
  index: InventoryIndex,
): ReadonlyMap<ResourceId, StoreCoverage> {
  const result = new Map<ResourceId, StoreCoverage>();
  const selections = [...index.selectionsByPlan.values()]
    .flat()
    .concat(index.selectionsWithUnresolvedPlan);
  const selectionIndex = indexSelections(selections);
  // What each selection contributes when it selects a store, worked out once per selection.
  const contributions = new Map<number, Contribution>();
  for (const store of stores) {
    let arn: StoreArn | undefined | null = null;
    const rules: Coverage[] = [];
    const uncertain: UncertainCoverage[] = [];
    const seen = new Set<string>();
    const { positions, byKey } = selectionIndex.candidates(store);
    for (const position of positions) {
      const selection = selections[position];
      let selects: Tri;
      if (byKey && selectionIndex.selectsOnKeyHit(position)) {
        selects = true;
      } else {
        if (arn === null) {
          arn = storeArn(store, index.resources.get(store.id));
        }
        selects = selectionSelects(selection, store, arn);
      }
      if (selects === false) {
        continue;
      }
      let contribution = contributions.get(position);
      if (contribution === undefined) {
        contribution = contributionOf(selection, index);
        contributions.set(position, contribution);
      }
      if (contribution.uncertain !== undefined) {
        uncertain.push(contribution.uncertain);
        continue;
      }
      if (selects === 'unknown') {
        uncertain.push({
          plan: contribution.plan,
          selection,
          reason: describeUnknown(selection),
        });
        continue;
      }
      for (const { key, coverage } of contribution.rules) {
        if (!seen.has(key)) {
          seen.add(key);
          rules.push(coverage);
        }
      }
    }
    result.set(store.id, { rules, uncertain });
  }
  return result;
}
