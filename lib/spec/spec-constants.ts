import { COMPUTE_KINDS, STORE_KINDS } from '../model/disruption';

// Kept apart from the zod schemas, so that code needing only these does not load zod.

/** Every resource kind a service may declare. */
export const RESOURCE_KINDS: readonly string[] = [...STORE_KINDS, ...COMPUTE_KINDS];

/** Tier names: lowercase, as they go into tags and reports. */
export const TIER_NAME_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
/** Service names: a letter, then letters, digits, `-` or `_` (they become tag values and ids). */
export const SERVICE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;
/** Calendar dates as `YYYY-MM-DD`. */
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Top-level keys of a spec document. */
export const SPEC_KEYS = ['regions', 'tiers', 'services', 'suppressions'] as const;

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
