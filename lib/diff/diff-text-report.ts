import {
  describeChangeLocation,
  describeRegression,
  sortChanges,
  summarizeDiff,
  ACTION_LABELS,
} from './diff-summary';
import { showDuration } from '../report/show-duration';
import type { ContinuityDiff, ResourceChange } from './continuity-diff';

const WORSE = '✗';
const NOTE = '!';

/**
 * Renders a diff for people: a headline, every objective that got worse (`payments (gold)
 * region RPO 1s -> 1d; met -> not met`), then every stateful resource change with its fix.
 */
export function diffToText(diff: ContinuityDiff): string {
  const lines = [`continuity diff: ${summarizeDiff(diff)}`, ''];
  if (diff.regressions.length > 0) {
    lines.push('Objectives that got worse', '');
    for (const r of diff.regressions) {
      const tier = r.tierBefore === r.tierAfter ? r.tierAfter : `${r.tierBefore} -> ${r.tierAfter}`;
      lines.push(
        `  ${WORSE} ${r.service} (${tier}) ${describeRegression(r)}`,
        `      declared RTO ${showDuration(r.objective.rtoSeconds)}, RPO ${showDuration(r.objective.rpoSeconds)}`,
      );
    }
    lines.push('');
  }
  if (diff.resources.length > 0) {
    lines.push('Stateful resources', '');
    for (const change of sortChanges(diff.resources)) {
      lines.push(...changeLines(change));
    }
    lines.push('');
  }
  lines.push(diff.atRisk ? 'data at risk or objectives regressed' : 'nothing at risk');
  return `${lines.join('\n')}\n`;
}

function changeLines(change: ResourceChange): string[] {
  const mark = change.dataAtRisk ? WORSE : NOTE;
  const services = change.services.length > 0 ? ` [${change.services.join(', ')}]` : '';
  return [
    `  ${mark} ${ACTION_LABELS[change.action]} ${describeChangeLocation(change)} (${change.type})${services}: ${change.message}`,
    `      fix: ${change.fix}`,
  ];
}
