import { showDuration } from './show-duration';
import {
  NOT_ASSESSED,
  allFindings,
  countFindings,
  describeLocation,
  disruptionVerdicts,
  isActive,
  plural,
  sortFindings,
  summarize,
} from './verdict';
import type { DisruptionVerdict } from './verdict';
import type { Assessment, ServiceAssessment } from '../model/assessment';
import type { Finding, Severity } from '../model/finding';

/** Options of {@link toText}. */
export interface TextReportOptions {
  /**
   * Colour the report with ANSI escape codes.
   *
   * @default false
   */
  readonly color?: boolean;
  /**
   * What the second number of each cell is called in the table header (`plan` says `predicted`).
   *
   * @default 'achieved'
   */
  readonly achievedLabel?: string;
  /**
   * Spell out the arithmetic of every disruption, not only of the unmet ones.
   *
   * @default false
   */
  readonly explainAll?: boolean;
}

/** A styling function: identity when colour is off. */
type Paint = (text: string) => string;

interface Palette {
  readonly ok: Paint;
  readonly bad: Paint;
  readonly warn: Paint;
  readonly dim: Paint;
  readonly bold: Paint;
}

const ESC = '\u001b[';
const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `${ESC}${open}m${text}${ESC}${close}m`;
const COLOURS: Palette = {
  ok: ansi(32, 39),
  bad: ansi(31, 39),
  warn: ansi(33, 39),
  dim: ansi(2, 22),
  bold: ansi(1, 22),
};
const PLAIN: Palette = {
  ok: (t) => t,
  bad: (t) => t,
  warn: (t) => t,
  dim: (t) => t,
  bold: (t) => t,
};

const MET = '✓';
const UNMET = '✗';

/** A table cell: plain text (for width) and how to paint it. */
interface Cell {
  readonly text: string;
  readonly paint?: Paint;
}

/**
 * Renders an assessment for people: a table of services × declared disruptions (declared vs
 * achieved RTO and RPO, ✓/✗), then the findings grouped by service with their fix.
 */
export function toText(assessment: Assessment, options: TextReportOptions = {}): string {
  return [...toTextChunks(assessment, options)].join('');
}

/**
 * {@link toText}'s text in pieces (the headline and table, then each service's section), for
 * writing out as they come: the sections of thousands of services are never held at once.
 */
export function* toTextChunks(
  assessment: Assessment,
  options: TextReportOptions = {},
): Generator<string, void, undefined> {
  const p = options.color === true ? COLOURS : PLAIN;
  const explainAll = options.explainAll === true;
  const lines: string[] = [];
  const headline = `continuity check: ${summarize(assessment)}`;
  lines.push(p.bold(assessment.met ? p.ok(headline) : p.bad(headline)), '');
  // Each service's verdicts serve both the table and its section below.
  const verdicts = assessment.services.map(disruptionVerdicts);
  if (assessment.services.length > 0) {
    appendObjectivesTable(
      lines,
      assessment.services,
      verdicts,
      p,
      options.achievedLabel ?? 'achieved',
    );
    lines.push('');
  }
  const detailed = (s: ServiceAssessment): boolean => s.findings.length > 0 || !s.met || explainAll;
  if (assessment.services.some(detailed) || assessment.findings.length > 0) {
    lines.push(p.bold(explainAll ? 'Details' : 'Findings'), '');
    yield piece(lines);
    for (let i = 0; i < assessment.services.length; i++) {
      const service = assessment.services[i];
      if (detailed(service)) {
        const section: string[] = [];
        appendServiceSection(section, service, verdicts[i], p, explainAll);
        section.push('');
        yield piece(section);
      }
    }
    lines.length = 0;
    if (assessment.findings.length > 0) {
      lines.push(`${p.bold('resources of no service')}:`);
      appendFindings(lines, assessment.findings, p);
      lines.push('');
    }
  }
  lines.push(countsLine(assessment));
  yield piece(lines);
}

/** Lines as text, each ending in a newline. */
function piece(lines: readonly string[]): string {
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function appendObjectivesTable(
  lines: string[],
  services: readonly ServiceAssessment[],
  verdictsOf: readonly (readonly DisruptionVerdict[])[],
  p: Palette,
  label: string,
): void {
  const header: Cell[] = [
    { text: 'SERVICE', paint: p.bold },
    { text: 'TIER', paint: p.bold },
    { text: 'DISRUPTION', paint: p.bold },
    { text: `RTO declared / ${label}`, paint: p.bold },
    { text: `RPO declared / ${label}`, paint: p.bold },
    { text: 'STATUS', paint: p.bold },
  ];
  const rows: Cell[][] = [header];
  services.forEach((service, i) => {
    const verdicts = verdictsOf[i];
    if (verdicts.length === 0) {
      rows.push([
        { text: service.name },
        { text: service.tier },
        { text: '(none declared)', paint: p.dim },
        EMPTY_CELL,
        EMPTY_CELL,
        statusCell(service.met, p),
      ]);
    }
    verdicts.forEach((v, index) => {
      rows.push([
        index === 0 ? { text: service.name } : EMPTY_CELL,
        index === 0 ? { text: service.tier } : EMPTY_CELL,
        { text: v.disruption },
        compareCell(v.objective.rtoSeconds, v.achieved?.rtoSeconds, v.rtoMet, p),
        compareCell(v.objective.rpoSeconds, v.achieved?.rpoSeconds, v.rpoMet, p),
        statusCell(v.met, p),
      ]);
    });
  });
  appendTable(lines, rows);
}

const EMPTY_CELL: Cell = { text: '' };

function compareCell(
  declared: number,
  achieved: number | null | undefined,
  met: boolean,
  p: Palette,
): Cell {
  return {
    text: `${showDuration(declared)} / ${showDuration(achieved)} ${met ? MET : UNMET}`,
    paint: met ? p.ok : p.bad,
  };
}

function statusCell(met: boolean, p: Palette): Cell {
  return met ? { text: 'met', paint: p.ok } : { text: 'NOT MET', paint: p.bad };
}

/** Pads every column to its widest cell; two spaces between columns, none at the end of a line. */
function appendTable(lines: string[], rows: readonly (readonly Cell[])[]): void {
  const widths = rows[0].map(() => 0);
  // Each cell's width, row by row, measured once for the column widths and the padding.
  const cellWidths: number[] = [];
  for (const row of rows) {
    for (let col = 0; col < row.length; col += 1) {
      const width = textWidth(row[col].text);
      cellWidths.push(width);
      widths[col] = Math.max(widths[col], width);
    }
  }
  let cell = 0;
  for (const row of rows) {
    let line = '';
    for (let col = 0; col < row.length; col += 1) {
      const { text, paint } = row[col];
      // Measure the plain text, then paint, so escape codes never count towards a column width.
      const painted = paint && text !== '' ? paint(text) : text;
      const padding = ' '.repeat(widths[col] - cellWidths[cell]);
      cell += 1;
      line += col === 0 ? painted + padding : `  ${painted}${padding}`;
    }
    lines.push(line.trimEnd());
  }
}

const SURROGATE = /[\ud800-\udfff]/;

/** Width of a cell in code points, so a character outside the BMP counts once. */
function textWidth(text: string): number {
  // Counting code points means splitting the text; only text with surrogates needs it.
  return SURROGATE.test(text) ? [...text].length : text.length;
}

function appendServiceSection(
  lines: string[],
  service: ServiceAssessment,
  verdicts: readonly DisruptionVerdict[],
  p: Palette,
  explainAll: boolean,
): void {
  const status = service.met ? p.ok('met') : p.bad('not met');
  lines.push(`${p.bold(service.name)} (${service.tier}): ${status}`);
  for (const verdict of verdicts) {
    if (verdict.met && !explainAll) {
      continue;
    }
    const explanation = verdict.achieved?.explanation ?? [NOT_ASSESSED];
    if (explanation.length > 0) {
      lines.push(`  ${verdict.disruption}:`);
      for (const step of explanation) {
        lines.push(`    ${p.dim(step)}`);
      }
    }
  }
  appendFindings(lines, service.findings, p);
}

const SEVERITY_MARK: Readonly<Record<Severity, string>> = { error: UNMET, warning: '!', info: 'i' };

/** Two lines per finding, sorted: what is wrong, then the fix (or why it is suppressed). */
function appendFindings(lines: string[], findings: readonly Finding[], p: Palette): void {
  for (const finding of sortFindings(findings)) {
    const location = describeLocation(finding.resource);
    const where =
      finding.disruption === undefined
        ? location
        : location === undefined
          ? finding.disruption
          : `${finding.disruption}, ${location}`;
    const context = where === undefined ? '' : ` [${where}]`;
    if (!isActive(finding)) {
      const expires = finding.suppressed?.expires ? `, expires ${finding.suppressed.expires}` : '';
      lines.push(
        p.dim(`  - suppressed ${finding.severity} ${finding.rule}${context}: ${finding.message}`),
        p.dim(`      reason: ${finding.suppressed?.reason ?? ''}${expires}`),
      );
      continue;
    }
    const paint =
      finding.severity === 'error' ? p.bad : finding.severity === 'warning' ? p.warn : p.dim;
    const head = `${SEVERITY_MARK[finding.severity]} ${finding.severity} ${finding.rule}`;
    lines.push(`  ${paint(head)}${context}: ${finding.message}`, `      fix: ${finding.fix}`);
  }
}

function countsLine(assessment: Assessment): string {
  const counts = countFindings(allFindings(assessment));
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) {
    parts.push(`${counts.info} info`);
  }
  if (counts.suppressed > 0) {
    parts.push(`${counts.suppressed} suppressed`);
  }
  return parts.join(', ');
}
