import { isUnresolved } from '../model';
import { tagKey } from './backup-coverage';
import type { BackupSelection, Store, TagCondition } from '../model';

/**
 * Backup selections indexed so that each store looks up the few that might select it instead of
 * testing every selection. A selection can select a store only when its Region matches and, with
 * `Resources` or `ListOfTags`, one of those entries matches, and every `Conditions` entry holds.
 * The index keys selections by Region and by their most selective `StringEquals` condition, else by each
 * `StringEquals` tag entry or resource id; any other selection (no entries, ARNs, wildcards,
 * values known only at deploy time) is a candidate for every store of its Region.
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
  const keyed = new Map<string, number[]>();
  const exact: boolean[] = [];
  const chosen = chooseKeys(selections);
  selections.forEach((selection, position) => {
    const { keys, exact: certain } = chosen[position]!;
    const region = regionKey(selection.region);
    exact.push(certain && region !== ANY_REGION);
    for (const key of keys) {
      const full = `${region}\u0000${key}`;
      const list = keyed.get(full);
      if (list === undefined) {
        keyed.set(full, [position]);
      } else if (list[list.length - 1] !== position) {
        list.push(position);
      }
    }
  });
  const all = { positions: selections.map((_, position) => position), byKey: false };
  // Only keys some selection was indexed under are worth building for a store.
  const anyRegion = [...keyed.keys()].some((key) => key.startsWith(ANY_REGION));
  const tagKeys = new Set(
    chosen.flatMap(({ keys }) => keys.filter((k) => k.startsWith('tag\u0000')).map(tagOfKey)),
  );
  const byId = chosen.some(({ keys }) => keys.some((k) => k.startsWith('id\u0000')));
  return {
    selectsOnKeyHit: (position) => exact[position] === true,
    candidates(store: Store): SelectionCandidates {
      if (isUnresolved(store.region)) {
        return all;
      }
      const region = store.region;
      const found = new Set<number>();
      const lookUp = (key: string): void => {
        for (const position of keyed.get(`${region}\u0000${key}`) ?? []) {
          found.add(position);
        }
        if (anyRegion) {
          for (const position of keyed.get(`${ANY_REGION}\u0000${key}`) ?? []) {
            found.add(position);
          }
        }
      };
      lookUp(ANY_STORE);
      if (byId) {
        lookUp(`id\u0000${store.id}`);
      }
      const { tags } = store;
      for (const key in tags) {
        const value = tags[key];
        if (isUnresolved(value)) {
          // A tag known only at deploy time might match any tag entry or condition.
          return all;
        }
        if (tagKeys.has(key)) {
          lookUp(`tag\u0000${key}\u0000${value}`);
        }
      }
      return { positions: [...found].sort((a, b) => a - b), byKey: true };
    },
  };
}

/** The tag key of an index key `tag\0<key>\0<value>`. */
function tagOfKey(key: string): string {
  return key.slice(4, key.indexOf('\u0000', 4));
}

/** Key of selections that might select any store of their Region. */
const ANY_STORE = 'any';

function tagEntryKey(condition: TagCondition): string | undefined {
  return condition.operator === 'StringEquals' && !isUnresolved(condition.value)
    ? `tag\u0000${tagKey(condition.key)}\u0000${condition.value}`
    : undefined;
}

/**
 * Index keys of every selection. A selection with `StringEquals` `Conditions` (each must hold) is
 * keyed by the one that the fewest selections share, so a store looks up only the selections
 * whose most selective condition its tags meet (e.g. a per-stack condition beside a tier
 * condition that hundreds of plans repeat).
 */
function chooseKeys(selections: readonly BackupSelection[]): SelectionKeys[] {
  const conditionKeys = selections.map((s) => s.conditions.map(tagEntryKey));
  const shared = new Map<string, number>();
  for (const keys of conditionKeys) {
    for (const key of new Set(keys)) {
      if (key !== undefined) {
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  return selections.map((selection, position) => {
    let best: string | undefined;
    for (const key of conditionKeys[position]!) {
      if (key !== undefined && (best === undefined || shared.get(key)! < shared.get(best)!)) {
        best = key;
      }
    }
    return best !== undefined ? { keys: [best], exact: false } : entryKeys(selection);
  });
}

interface SelectionKeys {
  readonly keys: readonly string[];
  /** Whether a key match alone means the selection selects the store. */
  readonly exact: boolean;
}

/**
 * Index keys of a selection without a keyable condition: each of its `Resources` and
 * `ListOfTags` (one must match), else {@link ANY_STORE}.
 */
function entryKeys(selection: BackupSelection): SelectionKeys {
  const any = { keys: [ANY_STORE], exact: false };
  if (selection.resources.length + selection.listOfTags.length === 0) {
    return any;
  }
  const keys: string[] = [];
  for (const item of selection.resources) {
    if (isUnresolved(item) || !('id' in item)) {
      return any;
    }
    keys.push(`id\u0000${item.id}`);
  }
  for (const condition of selection.listOfTags) {
    const key = tagEntryKey(condition);
    if (key === undefined) {
      return any;
    }
    keys.push(key);
  }
  return {
    keys,
    exact: selection.conditions.length === 0 && selection.notResources.length === 0,
  };
}
