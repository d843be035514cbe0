import { isUnresolved } from '../model';
import { tagKey } from './backup-coverage';
import type { BackupSelection, Store } from '../model';

/**
 * Backup selections indexed so that each store looks up the few that might select it instead of
 * testing every selection. A selection can select a store only when its Region matches and, with
 * `Resources` or `ListOfTags`, one of those entries matches; the index keys selections by Region
 * and by each `StringEquals` tag entry or resource id, and keeps every other selection (no entries,
 * wildcards, ARNs, values known only at deploy time) as a candidate for every store.
 */
export interface SelectionIndex {
  /** The selections that might select `store`. */
  candidates(store: Store): SelectionCandidates;
  /**
   * Whether the selection at `position` certainly selects a store it was found for by key: its
   * Region is known, every `Resources` and `ListOfTags` entry is keyed, and it has no
   * `Conditions` or `NotResources`.
   */
  selectsOnKeyHit(position: number): boolean;
}

/** Result of {@link SelectionIndex.candidates}. */
export interface SelectionCandidates {
  /** Positions in the selection list, ascending. */
  readonly positions: readonly number[];
  /** True when each keyed position was found by the store's Region and a tag or id match. */
  readonly byKey: boolean;
}

const ANY_REGION = '\u0000*';

function regionKey(region: unknown): string {
  return isUnresolved(region) ? ANY_REGION : String(region);
}

/** Indexes `selections` by Region, `StringEquals` tag and resource id (see {@link SelectionIndex}). */
export function indexSelections(selections: readonly BackupSelection[]): SelectionIndex {
  const always: number[] = [];
  const keyed = new Map<string, number[]>();
  const add = (key: string, position: number): void => {
    const list = keyed.get(key);
    if (list === undefined) {
      keyed.set(key, [position]);
    } else if (list[list.length - 1] !== position) {
      list.push(position);
    }
  };
  selections.forEach((selection, position) => {
    const keys = entryKeys(selection);
    if (keys === undefined) {
      always.push(position);
      return;
    }
    const region = regionKey(selection.region);
    for (const key of keys) {
      add(`${region}\u0000${key}`, position);
    }
  });
  const all = { positions: selections.map((_, position) => position), byKey: false };
  const onlyAlways = { positions: always, byKey: true };
  const alwaysSet = new Set(always);
  const simple = selections.map(
    (selection, position) =>
      !alwaysSet.has(position) &&
      !isUnresolved(selection.region) &&
      selection.conditions.length === 0 &&
      selection.notResources.length === 0,
  );
  return {
    selectsOnKeyHit: (position) => simple[position] === true,
    candidates(store: Store): SelectionCandidates {
      if (isUnresolved(store.region)) {
        return all;
      }
      const found = new Set<number>(always);
      const lookUp = (key: string): void => {
        for (const region of [store.region as string, ANY_REGION]) {
          for (const position of keyed.get(`${region}\u0000${key}`) ?? []) {
            found.add(position);
          }
        }
      };
      lookUp(`id\u0000${store.id}`);
      for (const [key, value] of Object.entries(store.tags)) {
        if (isUnresolved(value)) {
          // A tag known only at deploy time might match any tag entry.
          return all;
        }
        lookUp(`tag\u0000${key}\u0000${value}`);
      }
      return found.size === always.length
        ? onlyAlways
        : { positions: [...found].sort((a, b) => a - b), byKey: true };
    },
  };
}

/** Index keys of a selection's `Resources` and `ListOfTags`; `undefined` when it must always be tested. */
function entryKeys(selection: BackupSelection): string[] | undefined {
  if (selection.resources.length + selection.listOfTags.length === 0) {
    return undefined;
  }
  const keys: string[] = [];
  for (const item of selection.resources) {
    if (isUnresolved(item) || !('id' in item)) {
      return undefined;
    }
    keys.push(`id\u0000${item.id}`);
  }
  for (const condition of selection.listOfTags) {
    if (condition.operator !== 'StringEquals' || isUnresolved(condition.value)) {
      return undefined;
    }
    keys.push(`tag\u0000${tagKey(condition.key)}\u0000${condition.value}`);
  }
  return keys;
}
