import { fmt } from '../objectives';
import { isUnresolved } from '../model';
import type { AssessmentContext, ServiceContext } from '../engine/assessment-context';
import type {
  Disruption,
  InventoryEntry,
  Known,
  Objective,
  ResourceLocation,
  Rule,
} from '../model';

/** A rule of the catalogue: judged against the engine's {@link AssessmentContext}. */
export type ContinuityRule<Subject> = Rule<Subject, AssessmentContext>;

/** Where an inventory entry is, for findings. */
export function locationOf(entry: InventoryEntry, type?: string): ResourceLocation {
  // the entry's own location (read-only) when it already names the type, as read entries do
  return type === undefined || entry.location.type !== undefined
    ? entry.location
    : { ...entry.location, type };
}

/** A duration for messages; `null` reads "not recoverable". */
export function showSeconds(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? 'not recoverable' : fmt(seconds);
}

/** A deploy-time value for messages. */
export function showKnown(value: Known<unknown>): string {
  return isUnresolved(value) ? value.toString() : String(value);
}

/** Declared objectives of a service, as `[disruption, objective]` pairs. */
export function declaredObjectives(
  service: ServiceContext,
): readonly (readonly [Disruption, Objective])[] {
  return Object.entries(service.declared) as [Disruption, Objective][];
}

/** Whole days from `isoDate` (YYYY-MM-DD) to `today`, or `undefined` when the date does not parse. */
export function daysSince(isoDate: string, today: Date): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
    return undefined;
  }
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(then)) {
    return undefined;
  }
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.floor((day - then) / 86_400_000);
}
