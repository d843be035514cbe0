import { showDuration } from './show-duration';
import {
  NOT_ASSESSED,
  countFindings,
  describeLocation,
  disruptionVerdicts,
  isActive,
  plural,
  sortFindings,
  summarize,
} from './verdict';
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
  const p = options.color === true ? COLOURS : PLAIN;
  const lines: string[] = [];
  const headline = `continuity check: ${summarize(assessment)}`;
  lines.push(p.bold(assessment.met ? p.ok(headline) : p.bad(headline)), '');
  if (assessment.services.length > 0) {
    lines.push(...objectivesTable(assessment.services, p, options.achievedLabel ?? 'achieved'), '');
  }
  const sections = [
    ...assessment.services
      .filter((s) => s.findings.length > 0 || !s.met || options.explainAll === true)
      .map((s) => serviceSection(s, p, options.explainAll === true)),
    ...(assessment.findings.length > 0 ? [orphanSection(assessment.findings, p)] : []),
  ];
  if (sections.length > 0) {
    lines.push(p.bold(options.explainAll === true ? 'Details' : 'Findings'), '');
    for (const section of sections) {
      lines.push(...section, '');
    }
  }
  lines.push(countsLine(assessment));
  return `${lines.join('\n')}\n`;
}

function objectivesTable(
  services: readonly ServiceAssessment[],
  p: Palette,
  label: string,
): string[] {
  const header: Cell[] = [
    { text: 'SERVICE' },
    { text: 'TIER' },
    { text: 'DISRUPTION' },
    { text: `RTO declared / ${label}` },
    { text: `RPO declared / ${label}` },
    { text: 'STATUS' },
  ].map((c) => ({ ...c, paint: p.bold }));
  const rows: Cell[][] = [header];
  for (const service of services) {
    const verdicts = disruptionVerdicts(service);
    if (verdicts.length === 0) {
      rows.push([
        { text: service.name },
        { text: service.tier },
        { text: '(none declared)', paint: p.dim },
        { text: '' },
        { text: '' },
        statusCell(service.met, p),
      ]);
    }
    verdicts.forEach((v, index) => {
      rows.push([
        { text: index === 0 ? service.name : '' },
        { text: index === 0 ? service.tier : '' },
        { text: v.disruption },
        compareCell(v.objective.rtoSeconds, v.achieved?.rtoSeconds, v.rtoMet, p),
        compareCell(v.objective.rpoSeconds, v.achieved?.rpoSeconds, v.rpoMet, p),
        statusCell(v.met, p),
      ]);
    });
  }
  return renderTable(rows);
}

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

function renderTable(rows: readonly (readonly Cell[])[]): string[] {
  const width = (text: string): number => [...text].length;
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => width(r[col].text))));
  return rows.map((row) =>
    row
      // Measure the plain text, then paint, so escape codes never count towards a column width.
      .map((cell, col) => {
        const painted = cell.paint && cell.text !== '' ? cell.paint(cell.text) : cell.text;
        return painted + ' '.repeat(widths[col] - width(cell.text));
      })
      .join('  ')
      .trimEnd(),
  );
}

function serviceSection(service: ServiceAssessment, p: Palette, explainAll: boolean): string[] {
  const status = service.met ? p.ok('met') : p.bad('not met');
  const lines = [`${p.bold(service.name)} (${service.tier}): ${status}`];
  for (const verdict of disruptionVerdicts(service)) {
    if (verdict.met && !explainAll) {
      continue;
    }
    const explanation = verdict.achieved?.explanation ?? [NOT_ASSESSED];
    if (explanation.length > 0) {
      lines.push(`  ${verdict.disruption}:`);
      lines.push(...explanation.map((e) => `    ${p.dim(e)}`));
    }
  }
  for (const finding of sortFindings(service.findings)) {
    lines.push(...findingLines(finding, p));
  }
  return lines;
}

function orphanSection(findings: readonly Finding[], p: Palette): string[] {
  return [
    `${p.bold('resources of no service')}:`,
    ...sortFindings(findings).flatMap((f) => findingLines(f, p)),
  ];
}

const SEVERITY_MARK: Readonly<Record<Severity, string>> = { error: UNMET, warning: '!', info: 'i' };

function findingLines(finding: Finding, p: Palette): string[] {
  const where = [finding.disruption, describeLocation(finding.resource)].filter(
    (x): x is string => x !== undefined,
  );
  const head = `${SEVERITY_MARK[finding.severity]} ${finding.severity} ${finding.rule}`;
  const context = where.length > 0 ? ` [${where.join(', ')}]` : '';
  if (!isActive(finding)) {
    const expires = finding.suppressed?.expires ? `, expires ${finding.suppressed.expires}` : '';
    return [
      p.dim(`  - suppressed ${finding.severity} ${finding.rule}${context}: ${finding.message}`),
      p.dim(`      reason: ${finding.suppressed?.reason ?? ''}${expires}`),
    ];
  }
  const paint =
    finding.severity === 'error' ? p.bad : finding.severity === 'warning' ? p.warn : p.dim;
  return [`  ${paint(head)}${context}: ${finding.message}`, `      fix: ${finding.fix}`];
}

function countsLine(assessment: Assessment): string {
  const all = [...assessment.services.flatMap((s) => s.findings), ...assessment.findings];
  const counts = countFindings(all);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) {
    parts.push(`${counts.info} info`);
  }
  if (counts.suppressed > 0) {
    parts.push(`${counts.suppressed} suppressed`);
  }
  return parts.join(', ');
}
