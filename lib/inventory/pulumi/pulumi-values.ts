import { isUnresolved, Unresolved } from '../../model/unresolved';
import type { Known } from '../../model/unresolved';
import { describe, isRecord } from '../raw';
import type { RawObject } from '../raw';

/**
 * The sentinels the Pulumi engine sends for values unknown during a preview (boolean, number,
 * string, array, asset, archive, object), as `@pulumi/policy` deserializes them.
 */
export const PULUMI_UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7',
  '3eeb2bf0-c639-47a8-9e75-3b44932eb421',
  '04da6b54-80e4-46f7-96ec-b56ff0331ba9',
  '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2',
  '030794c1-ac77-496b-92df-f27374a8bd58',
  'e48ece36-62e2-4504-bad9-02848725956a',
  'dd056dcd-154b-4c76-9bd3-c8f88648b5ff',
]);

/** True when `value` is one of the engine's unknown sentinels. */
export function isPulumiUnknown(value: unknown): boolean {
  return typeof value === 'string' && PULUMI_UNKNOWN_SENTINELS.has(value);
}

/**
 * A copy of `value` with every unknown sentinel replaced by an {@link Unresolved} naming its
 * property path (`where`).
 */
export function normalizeUnknowns(value: unknown, where: string): unknown {
  if (isPulumiUnknown(value)) {
    return new Unresolved(`${where} (unknown until the resource is created)`);
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => normalizeUnknowns(item, `${where}[${i}]`));
  }
  if (isRecord(value) && !isUnresolved(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = normalizeUnknowns(item, `${where}.${key}`);
    }
    return copy;
  }
  return value;
}

/** A string; `undefined` when absent; numbers and booleans as text. */
export function pulumiString(value: unknown): Known<string | undefined> {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (isUnresolved(value)) {
    return value;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return new Unresolved(describe(value));
}

/** A number; `undefined` when absent; numeric strings are accepted. */
export function pulumiNumber(value: unknown): Known<number | undefined> {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (isUnresolved(value)) {
    return value;
  }
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return new Unresolved(describe(value));
}

/** A boolean; `undefined` when absent; `'true'`/`'false'` are accepted. */
export function pulumiBoolean(value: unknown): Known<boolean | undefined> {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (isUnresolved(value) || typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  return new Unresolved(describe(value));
}

const EMPTY: RawObject = Object.freeze({});

/** A nested object, or an empty one when absent or not an object. */
export function pulumiObject(value: unknown): RawObject {
  return isRecord(value) && !isUnresolved(value) ? value : EMPTY;
}

/** The first element of a list block (Pulumi renders single nested blocks as lists too). */
export function firstBlock(value: unknown): RawObject {
  return pulumiObject(Array.isArray(value) ? value[0] : value);
}

/** A list, or an empty list when absent. Unknown lists stay unknown. */
export function pulumiList(value: unknown): Known<readonly unknown[]> {
  if (value === undefined || value === null) {
    return [];
  }
  if (isUnresolved(value)) {
    return value;
  }
  return Array.isArray(value) ? value : [value];
}

/** A list, treating an unknown list as empty (for lists whose absence is the safe reading). */
export function knownList(value: unknown): readonly unknown[] {
  const list = pulumiList(value);
  return isUnresolved(list) ? [] : list;
}

/** Number of distinct items of a subnet or zone list; unresolved when any item is unknown. */
export function countDistinct(value: unknown, what: string): Known<number> {
  const list = pulumiList(value);
  if (isUnresolved(list)) {
    return list;
  }
  if (list.length === 0) {
    return new Unresolved(`${what} (absent)`);
  }
  const unknown = list.find(isUnresolved);
  return unknown ?? new Set(list.map((item) => describe(item))).size;
}

/** Tags from a `{ key: value }` map or a list of `{ key, value }` (auto scaling groups). */
export function pulumiTags(value: unknown): Record<string, Known<string>> {
  const tags: Record<string, Known<string>> = {};
  if (Array.isArray(value)) {
    for (const tag of value) {
      const key = pulumiString(pulumiObject(tag).key);
      if (typeof key === 'string') {
        tags[key] = pulumiString(pulumiObject(tag).value) ?? '';
      }
    }
    return tags;
  }
  for (const [key, item] of Object.entries(pulumiObject(value))) {
    tags[key] = pulumiString(item) ?? '';
  }
  return tags;
}
