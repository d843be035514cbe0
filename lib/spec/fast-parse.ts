import { parseDuration } from '../duration/parse-duration';
import { STRATEGIES } from '../model/disruption';
import type { Objective, ResourceKind, Strategy } from '../model/disruption';
import { isInputError } from '../model/input-error';
import type { RegionPair, ResourceRef, ServiceSpec, Suppression } from '../model/spec';
import { RESOURCE_KINDS, SERVICE_NAME_PATTERN, isCalendarDate } from './spec-constants';
import type { TierOverride } from './spec-schema';

// The fast path of the zod schemas in spec-schema.ts, for the common case of a valid item.
//
// Each function returns exactly what the schema's `safeParse` returns as `data` (same values, same
// keys in the same order) when it can tell the item is valid, and `undefined` otherwise: then the
// caller runs the schema, which reports the issues. It never returns a value the schema would
// reject; when in doubt it returns `undefined`. Declined on purpose, though the schema may accept
// them: keys present with the value `undefined`, and objects that are not plain (class instances).
// test/lib/spec/fast-parse.test.ts checks the agreement on generated items.

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const REGION_KEYS: ReadonlySet<string> = new Set(['primary', 'recovery']);
const OBJECTIVE_KEYS: ReadonlySet<string> = new Set(['rto', 'rpo']);
const TIER_OBJECTIVE_KEYS = ['application', 'az', 'region', 'account'] as const;
const TIER_KEYS: ReadonlySet<string> = new Set([
  ...TIER_OBJECTIVE_KEYS,
  'strategy',
  'immutable',
  'retentionDays',
  'reviewEvery',
  'drillEvery',
  'description',
]);
const SERVICE_KEYS: ReadonlySet<string> = new Set([
  'name',
  'tier',
  'owner',
  'dependsOn',
  'contacts',
  'reviewedOn',
  'lastDrill',
  'resources',
]);
const RESOURCE_KEYS: ReadonlySet<string> = new Set(['kind', 'logicalId', 'stack', 'sizeGiB']);
const SUPPRESSION_KEYS: ReadonlySet<string> = new Set(['rule', 'resource', 'reason', 'expires']);

const SECONDS_PER_DAY = 86_400;

/** `regionsSchema`'s data for a valid `regions` mapping, else `undefined`. */
export function fastRegions(raw: unknown): RegionPair | undefined {
  if (!isPlainMapping(raw, REGION_KEYS)) {
    return undefined;
  }
  const primary = text(raw.primary);
  const recovery = text(raw.recovery);
  return primary === undefined || recovery === undefined ? undefined : { primary, recovery };
}

/** `tierSchema`'s data for a valid tier, else `undefined`. */
export function fastTier(raw: unknown): TierOverride | undefined {
  if (!isPlainMapping(raw, TIER_KEYS)) {
    return undefined;
  }
  const tier: Writable<TierOverride> = {};
  for (const key of TIER_OBJECTIVE_KEYS) {
    const value = raw[key];
    if (value === null) {
      tier[key] = null;
    } else if (value !== undefined) {
      const objective = fastObjective(value);
      if (objective === undefined) {
        return undefined;
      }
      tier[key] = objective;
    }
  }
  const { strategy, immutable, retentionDays, reviewEvery, drillEvery, description } = raw;
  if (strategy !== undefined) {
    if (strategy !== null && !(STRATEGIES as readonly unknown[]).includes(strategy)) {
      return undefined;
    }
    tier.strategy = strategy as Strategy | null;
  }
  if (immutable !== undefined) {
    if (immutable !== null && typeof immutable !== 'boolean') {
      return undefined;
    }
    tier.immutable = immutable;
  }
  if (retentionDays !== undefined) {
    if (
      retentionDays !== null &&
      !(Number.isSafeInteger(retentionDays) && (retentionDays as number) >= 1)
    ) {
      return undefined;
    }
    tier.retentionDays = retentionDays as number | null;
  }
  if (reviewEvery !== undefined) {
    const days = wholeDays(reviewEvery);
    if (days === undefined) {
      return undefined;
    }
    tier.reviewEvery = days;
  }
  if (drillEvery !== undefined) {
    const days = wholeDays(drillEvery);
    if (days === undefined) {
      return undefined;
    }
    tier.drillEvery = days;
  }
  if (description !== undefined) {
    const written = description === null ? null : text(description);
    if (written === undefined) {
      return undefined;
    }
    tier.description = written;
  }
  return tier;
}

/** `serviceSchema`'s data for a valid service, else `undefined`. */
export function fastService(raw: unknown): ServiceSpec | undefined {
  if (!isPlainMapping(raw, SERVICE_KEYS)) {
    return undefined;
  }
  const name = text(raw.name);
  const tier = text(raw.tier);
  const owner = text(raw.owner);
  const dependsOn = list(raw.dependsOn, text);
  const contacts = list(raw.contacts, text);
  const resources = list(raw.resources, fastResource);
  if (
    name === undefined ||
    !SERVICE_NAME_PATTERN.test(name) ||
    tier === undefined ||
    owner === undefined ||
    dependsOn === undefined ||
    contacts === undefined ||
    resources === undefined
  ) {
    return undefined;
  }
  const reviewedOn = optionalDate(raw.reviewedOn);
  const lastDrill = optionalDate(raw.lastDrill);
  if (reviewedOn === null || lastDrill === null) {
    return undefined;
  }
  // Keys in the schema's order, the dates (when given) before resources.
  const service: Record<string, unknown> = { name, tier, owner, dependsOn, contacts };
  if (reviewedOn !== undefined) {
    service.reviewedOn = reviewedOn;
  }
  if (lastDrill !== undefined) {
    service.lastDrill = lastDrill;
  }
  service.resources = resources;
  return service as unknown as ServiceSpec;
}

/** `suppressionSchema`'s data for a valid suppression, else `undefined`. */
export function fastSuppression(raw: unknown): Suppression | undefined {
  if (!isPlainMapping(raw, SUPPRESSION_KEYS)) {
    return undefined;
  }
  const rule = text(raw.rule);
  const resource = text(raw.resource);
  const reason = text(raw.reason);
  const expires = optionalDate(raw.expires);
  if (rule === undefined || resource === undefined || reason === undefined || expires === null) {
    return undefined;
  }
  return expires === undefined ? { rule, resource, reason } : { rule, resource, reason, expires };
}

function fastResource(raw: unknown): ResourceRef | undefined {
  if (!isPlainMapping(raw, RESOURCE_KEYS)) {
    return undefined;
  }
  const { kind, logicalId, stack, sizeGiB } = raw;
  if (typeof kind !== 'string' || !RESOURCE_KINDS.includes(kind)) {
    return undefined;
  }
  const resource: Writable<ResourceRef> = { kind: kind as ResourceKind };
  if (logicalId !== undefined) {
    const written = text(logicalId);
    if (written === undefined) {
      return undefined;
    }
    resource.logicalId = written;
  }
  if (stack !== undefined) {
    const written = text(stack);
    if (written === undefined) {
      return undefined;
    }
    resource.stack = written;
  }
  if (sizeGiB !== undefined) {
    if (typeof sizeGiB !== 'number' || !Number.isFinite(sizeGiB) || sizeGiB <= 0) {
      return undefined;
    }
    resource.sizeGiB = sizeGiB;
  }
  return resource;
}

function fastObjective(raw: unknown): Objective | undefined {
  if (!isPlainMapping(raw, OBJECTIVE_KEYS)) {
    return undefined;
  }
  const rtoSeconds = duration(raw.rto);
  const rpoSeconds = duration(raw.rpo);
  return rtoSeconds === undefined || rpoSeconds === undefined
    ? undefined
    : { rtoSeconds, rpoSeconds };
}

/**
 * A mapping as the schemas accept it: a plain object (or one without prototype) whose keys are
 * all `known`, none of them set to `undefined`.
 */
function isPlainMapping(
  value: unknown,
  known: ReadonlySet<string>,
): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return false;
  }
  // `for...in`, as zod's strict objects use to find unknown keys.
  for (const key in value) {
    if (!known.has(key) || (value as Record<string, unknown>)[key] === undefined) {
      return false;
    }
  }
  return true;
}

/** `text()` of the schemas: a string that is not blank, trimmed. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** `list()` of the schemas, defaulting to `[]`: each item read by `item`. */
function list<T>(value: unknown, item: (raw: unknown) => T | undefined): T[] | undefined {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    return undefined;
  }
  const items: T[] = [];
  // Indexed, as zod reads arrays: a hole is an `undefined` item.
  for (let i = 0; i < value.length; i += 1) {
    const parsed = item(value[i]);
    if (parsed === undefined) {
      return undefined;
    }
    items.push(parsed);
  }
  return items;
}

/** `dateField().optional()`: the date, `undefined` when absent, `null` when invalid. */
function optionalDate(value: unknown): string | undefined | null {
  if (value === undefined) {
    return undefined;
  }
  return typeof value === 'string' && isCalendarDate(value) ? value : null;
}

/** `durationField()`: seconds, or `undefined` when `parseDuration` refuses the value. */
function duration(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return undefined;
  }
  try {
    return parseDuration(value, '');
  } catch (error) {
    if (!isInputError(error)) {
      throw error;
    }
    return undefined; // the schema reports it
  }
}

/** `daysField()`: a duration in positive whole days, read into days. */
function wholeDays(value: unknown): number | undefined {
  const seconds = duration(value);
  if (seconds === undefined || seconds <= 0 || seconds % SECONDS_PER_DAY !== 0) {
    return undefined;
  }
  return seconds / SECONDS_PER_DAY;
}
