import { markdownTable } from '../docs/markdown';
import {
  describeChangeLocation,
  describeMeasure,
  sortChanges,
  summarizeDiff,
  ACTION_LABELS,
} from './diff-summary';
import type { ContinuityDiff } from './continuity-diff';

/** Options of {@link diffToMarkdown}. */
export interface DiffMarkdownOptions {
  /**
   * Heading level of the title (2 gives `##`); sections use the next level.
   *
   * @default 2
   */
  readonly headingLevel?: number;
}

const OK = '✅';
const FAIL = '❌';
const WARN = '⚠️';

/**
 * Renders a diff as GitHub-flavoured Markdown for a pull-request comment: a headline, a table of
 * objectives that got worse, and a table of stateful resource changes with their fixes.
 */
export function diffToMarkdown(diff: ContinuityDiff, options: DiffMarkdownOptions = {}): string {
  const level = options.headingLevel ?? 2;
  const h = (depth: number): string => '#'.repeat(Math.min(level + depth, 6));
  const out = [`${h(0)} ${diff.atRisk ? FAIL : OK} Continuity diff: ${summarizeDiff(diff)}`, ''];
  if (diff.regressions.length > 0) {
    out.push(
      `${h(1)} Objectives that got worse`,
      '',
      markdownTable(
        ['Service', 'Tier', 'Disruption', 'RTO', 'RPO', 'Status'],
        diff.regressions.map((r) => [
          r.service,
          r.tierBefore === r.tierAfter ? r.tierAfter : `${r.tierBefore} → ${r.tierAfter}`,
          r.disruption,
          describeMeasure('RTO', r.rtoBefore, r.rtoAfter).replace(/^RTO /, ''),
          describeMeasure('RPO', r.rpoBefore, r.rpoAfter).replace(/^RPO /, ''),
          r.worse.includes('met') ? `${FAIL} met → not met` : r.metAfter ? 'met' : 'not met',
        ]),
      ),
      '',
    );
  }
  if (diff.resources.length > 0) {
    out.push(
      `${h(1)} Stateful resources`,
      '',
      markdownTable(
        ['', 'Change', 'Resource', 'Type', 'Services', 'What happens', 'Fix'],
        sortChanges(diff.resources).map((c) => [
          c.dataAtRisk ? FAIL : WARN,
          ACTION_LABELS[c.action],
          describeChangeLocation(c),
          c.type,
          c.services.join(', '),
          c.message,
          c.fix,
        ]),
      ),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
