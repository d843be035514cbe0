import { summarizeDiff } from './diff-summary';
import type { ContinuityDiff, ObjectiveRegression, ResourceChange } from './continuity-diff';

/** Version of the JSON diff shape; raised only on a breaking change. */
export const JSON_DIFF_VERSION = 1;

/**
 * The document `continuity diff --format json` prints. Stable: keys are only ever added.
 * Achieved seconds are `null` when not recoverable; raw property values are as in the templates.
 */
export interface JsonDiffReport {
  readonly version: number;
  /** True when data is at risk or an objective regressed (exit code 1). */
  readonly atRisk: boolean;
  readonly summary: string;
  readonly regressions: readonly ObjectiveRegression[];
  readonly resources: readonly ResourceChange[];
}

/** Builds the JSON document of a diff. */
export function toJsonDiffReport(diff: ContinuityDiff): JsonDiffReport {
  return {
    version: JSON_DIFF_VERSION,
    atRisk: diff.atRisk,
    summary: summarizeDiff(diff),
    regressions: diff.regressions,
    resources: diff.resources,
  };
}

/** Renders a diff as pretty-printed JSON (see {@link JsonDiffReport}). */
export function diffToJson(diff: ContinuityDiff): string {
  return `${JSON.stringify(toJsonDiffReport(diff), undefined, 2)}\n`;
}
