import { showDuration } from './show-duration';
import {
  countFindings,
  describeLocation,
  disruptionVerdicts,
  isActive,
  sortFindings,
  summarize,
} from './verdict';
import type { Assessment, ServiceAssessment } from '../model/assessment';
import type { Finding, Severity } from '../model/finding';
import type { ServiceSpec } from '../model/spec';

/** Options of {@link toMarkdown}. */
export interface MarkdownReportOptions {
  /**
   * The spec's services, for the dependency edges of the diagram.
   *
   * @default - the diagram shows services grouped by tier, without dependency edges
   */
  readonly services?: readonly Pick<ServiceSpec, 'name' | 'dependsOn'>[];
  /**
   * Heading level of the report's title (2 gives `##`); sections use the next level.
   *
   * @default 2
   */
  readonly headingLevel?: number;
  /**
   * What the achieved columns are called (`plan` says `predicted`).
   *
   * @default 'achieved'
   */
  readonly achievedLabel?: string;
}

/** Mermaid class names by status, as used in the diagram's `classDef`s. */
export const MERMAID_CLASSES = { met: 'met', unmet: 'unmet', unknown: 'unknown' } as const;

const OK = '✅';
const FAIL = '❌';
const MARKS: Readonly<Record<Severity, string>> = { error: FAIL, warning: '⚠️', info: 'ℹ️' };

/**
 * Renders an assessment as GitHub-flavoured Markdown for pull-request comments and job
 * summaries: a summary table, a Mermaid graph of services by tier with dependencies (nodes
 * classed `met`/`unmet`), then one objectives table and findings list per service.
 */
export function toMarkdown(assessment: Assessment, options: MarkdownReportOptions = {}): string {
  const level = options.headingLevel ?? 2;
  const h = (depth: number): string => '#'.repeat(Math.min(level + depth, 6));
  const out: string[] = [];
  out.push(
    `${h(0)} ${assessment.met ? OK : FAIL} Continuity check: ${escapeMd(summarize(assessment))}`,
    '',
  );
  if (assessment.services.length > 0) {
    out.push(
      '| Service | Tier | Status | Errors | Warnings | Suppressed |',
      '|---|---|---|--:|--:|--:|',
    );
    for (const service of assessment.services) {
      const counts = countFindings(service.findings);
      out.push(
        `| ${escapeMd(service.name)} | ${escapeMd(service.tier)} | ${service.met ? `${OK} met` : `${FAIL} not met`} | ` +
          `${counts.error} | ${counts.warning} | ${counts.suppressed} |`,
      );
    }
    out.push('', ...mermaidGraph(assessment.services, options.services ?? []), '');
  }
  for (const service of assessment.services) {
    out.push(...serviceSection(service, h(1), options.achievedLabel ?? 'achieved'), '');
  }
  if (assessment.findings.length > 0) {
    out.push(`${h(1)} Resources of no service`, '', ...findingList(assessment.findings), '');
  }
  return joinTrimmed(out);
}

/**
 * The lines joined, without trailing whitespace, ending in one newline: the same text as
 * `${lines.join('\n').trimEnd()}\n`, without copying the whole report once more to trim it.
 */
function joinTrimmed(lines: string[]): string {
  while (lines.length > 0 && lines[lines.length - 1].trimEnd() === '') {
    lines.pop();
  }
  if (lines.length === 0) {
    return '\n';
  }
  lines[lines.length - 1] = lines[lines.length - 1].trimEnd();
  lines.push('');
  return lines.join('\n');
}

function serviceSection(service: ServiceAssessment, heading: string, label: string): string[] {
  const out = [
    `${heading} ${service.met ? OK : FAIL} ${escapeMd(service.name)} (${escapeMd(service.tier)})`,
    '',
  ];
  const verdicts = disruptionVerdicts(service);
  if (verdicts.length === 0) {
    out.push('No objectives declared.', '');
  } else {
    out.push(
      `| Disruption | RTO declared | RTO ${label} | RPO declared | RPO ${label} | Status |`,
      '|---|--:|--:|--:|--:|---|',
    );
    for (const v of verdicts) {
      const rto = showDuration(v.achieved?.rtoSeconds);
      const rpo = showDuration(v.achieved?.rpoSeconds);
      out.push(
        `| ${v.disruption} | ${showDuration(v.objective.rtoSeconds)} | ${v.rtoMet ? rto : `**${rto}**`} | ` +
          `${showDuration(v.objective.rpoSeconds)} | ${v.rpoMet ? rpo : `**${rpo}**`} | ` +
          `${v.met ? `${OK} met` : `${FAIL} not met`} |`,
      );
    }
    // each explanation is written when read: read once
    const explained = verdicts
      .map((v) => ({ disruption: v.disruption, lines: v.achieved?.explanation ?? [] }))
      .filter((v) => v.lines.length > 0);
    if (explained.length > 0) {
      out.push('', `<details><summary>How the ${label} numbers add up</summary>`, '');
      for (const v of explained) {
        out.push(`- **${v.disruption}**`, ...v.lines.map((e) => `  - ${escapeMd(e)}`));
      }
      out.push('', '</details>');
    }
    out.push('');
  }
  if (service.findings.length > 0) {
    out.push('**Findings**', '', ...findingList(service.findings));
  }
  return out;
}

function findingList(findings: readonly Finding[]): string[] {
  return sortFindings(findings).map((f) => {
    const where = [f.disruption, describeLocation(f.resource)].filter(
      (x): x is string => x !== undefined,
    );
    const context = where.length > 0 ? ` · ${where.map(escapeMd).join(' · ')}` : '';
    const text = `**${f.severity}** ${f.rule}${context}: ${escapeMd(f.message)}<br>Fix: ${escapeMd(f.fix)}`;
    if (isActive(f)) {
      return `- ${MARKS[f.severity]} ${text}`;
    }
    const expires = f.suppressed?.expires ? ` (expires ${escapeMd(f.suppressed.expires)})` : '';
    return `- 🔕 *suppressed:* ${escapeMd(f.suppressed?.reason ?? '')}${expires} — ${text}`;
  });
}

function mermaidGraph(
  services: readonly ServiceAssessment[],
  specServices: readonly Pick<ServiceSpec, 'name' | 'dependsOn'>[],
): string[] {
  const ids = new Map<string, string>();
  services.forEach((s, i) => ids.set(s.name, `s${i}`));
  const lines = ['```mermaid', 'graph LR'];
  const tiers = [...new Set(services.map((s) => s.tier))];
  tiers.forEach((tier, t) => {
    lines.push(`  subgraph tier${t}["${mermaidLabel(`tier ${tier}`)}"]`);
    for (const service of services.filter((s) => s.tier === tier)) {
      lines.push(`    ${ids.get(service.name)}["${mermaidLabel(service.name)}"]`);
    }
    lines.push('  end');
  });
  const unknown: string[] = [];
  for (const spec of specServices) {
    const from = ids.get(spec.name);
    if (from === undefined) {
      continue;
    }
    for (const dependency of spec.dependsOn) {
      let to = ids.get(dependency);
      if (to === undefined) {
        to = `u${unknown.length}`;
        ids.set(dependency, to);
        unknown.push(to);
        lines.push(`  ${to}["${mermaidLabel(`${dependency} (not assessed)`)}"]`);
      }
      lines.push(`  ${from} -->|depends on| ${to}`);
    }
  }
  const met = services.filter((s) => s.met).map((s) => ids.get(s.name));
  const unmet = services.filter((s) => !s.met).map((s) => ids.get(s.name));
  if (met.length > 0) {
    lines.push(`  class ${met.join(',')} ${MERMAID_CLASSES.met}`);
  }
  if (unmet.length > 0) {
    lines.push(`  class ${unmet.join(',')} ${MERMAID_CLASSES.unmet}`);
  }
  if (unknown.length > 0) {
    lines.push(`  class ${unknown.join(',')} ${MERMAID_CLASSES.unknown}`);
  }
  lines.push(
    `  classDef ${MERMAID_CLASSES.met} fill:#dafbe1,stroke:#1a7f37,color:#0f2e18`,
    `  classDef ${MERMAID_CLASSES.unmet} fill:#ffebe9,stroke:#cf222e,color:#4c0a0f`,
    `  classDef ${MERMAID_CLASSES.unknown} fill:#f6f8fa,stroke:#8c959f,color:#24292f,stroke-dasharray:4`,
    '```',
  );
  return lines;
}

/** Text safe inside a Mermaid quoted label. */
function mermaidLabel(text: string): string {
  return text.replace(/[#"<>&]/g, (c) => `#${c.charCodeAt(0)};`);
}

const MD_SPECIAL = /[&<>|]|\r?\n/g;
/** Whether {@link MD_SPECIAL} occurs: a cheap test, as most text needs no escaping. */
const HAS_MD_SPECIAL = /[&<>|\n]/;

const MD_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '\\|',
  '\n': '<br>',
  '\r\n': '<br>',
};

/** Text safe in Markdown prose: no HTML, no table breaks. */
function escapeMd(text: string): string {
  if (!HAS_MD_SPECIAL.test(text)) {
    return text;
  }
  // One pass: no replacement introduces a character another one would escape.
  return text.replace(MD_SPECIAL, (c) => MD_ESCAPES[c]);
}
