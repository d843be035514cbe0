import { showDuration } from '../report/show-duration';
import { plural } from '../report/verdict';
import type { ContinuityDiff, ObjectiveRegression, ResourceChange } from './continuity-diff';

/** One-line summary of a diff, e.g. `1 objective got worse; 2 stateful resources at risk`. */
export function summarizeDiff(diff: ContinuityDiff): string {
  const atRisk = diff.resources.filter((r) => r.dataAtRisk).length;
  const other = diff.resources.length - atRisk;
  if (diff.regressions.length === 0 && diff.resources.length === 0) {
    return 'no objective got worse and no stateful resource is replaced or deleted';
  }
  const parts: string[] = [];
  if (diff.regressions.length > 0) {
    parts.push(`${plural(diff.regressions.length, 'objective')} got worse`);
  }
  if (atRisk > 0) {
    parts.push(`${plural(atRisk, 'stateful resource')} at risk`);
  }
  if (other > 0) {
    parts.push(`${plural(other, 'other stateful change')}`);
  }
  return parts.join('; ');
}

/** `RPO 1s -> 1d`: one measure before and after. */
export function describeMeasure(
  label: 'RTO' | 'RPO',
  before: number | null,
  after: number | null,
): string {
  return `${label} ${showDuration(before)} -> ${showDuration(after)}`;
}

/** `region RPO 1s -> 1d, RTO 15min -> 1h; met -> not met`: what got worse, in words. */
export function describeRegression(r: ObjectiveRegression): string {
  const parts: string[] = [];
  if (r.worse.includes('rpo')) parts.push(describeMeasure('RPO', r.rpoBefore, r.rpoAfter));
  if (r.worse.includes('rto')) parts.push(describeMeasure('RTO', r.rtoBefore, r.rtoAfter));
  const status = r.worse.includes('met')
    ? 'met -> not met'
    : `still ${r.metAfter ? 'met' : 'not met'}`;
  const numbers = parts.length > 0 ? ` ${parts.join(', ')};` : '';
  return `${r.disruption}${numbers} ${status}`;
}

/** `Shop/Orders`: where a resource change is. */
export function describeChangeLocation(change: ResourceChange): string {
  return `${change.stack}/${change.logicalId}`;
}

/** Words for each action, as shown in reports. */
export const ACTION_LABELS: Readonly<Record<ResourceChange['action'], string>> = {
  replace: 'replaced',
  'may-replace': 'may be replaced',
  delete: 'deleted',
  'policy-weakened': 'policy weakened',
  'update-fails': 'update fails',
};

/** Resource changes in report order: data at risk first, then by stack and logical ID. */
export function sortChanges(changes: readonly ResourceChange[]): ResourceChange[] {
  return [...changes].sort(
    (a, b) =>
      Number(b.dataAtRisk) - Number(a.dataAtRisk) ||
      a.stack.localeCompare(b.stack) ||
      a.logicalId.localeCompare(b.logicalId),
  );
}
