import { formatDuration } from '../duration/format-duration';
import { DISRUPTIONS } from '../model/disruption';
import type { Assessment } from '../model/assessment';
import type { Finding } from '../model/finding';
import type { ContinuityPlan } from '../model/plan';
import type { ContinuitySpec } from '../model/spec';
import { CHART_COLOURS, escapeHtml, measureVerdict, objectiveChart } from './objective-chart';
import type { ChartGroup } from './objective-chart';
import type { DocsOptions } from './render-service-plan';
import { isoDate } from './schedule';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:980px;color:#24292f;padding:0 1rem}
h1{margin-bottom:.2rem}.meta{color:#57606a;margin-top:0}
.cards{display:flex;gap:1rem;margin:1rem 0}.card{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem}
.card b{font-size:1.6rem;display:block}
.chart{max-width:100%;height:auto;font-size:12px}.chart .grid{stroke:#d0d7de}.chart .tick{fill:#57606a}
.chart .group{font-weight:600}.chart .sub{fill:#57606a}.chart .verdict{font-weight:600}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:14px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left}
th{background:#f6f8fa}.met{color:${CHART_COLOURS.met};font-weight:600}.unmet{color:${CHART_COLOURS.unmet};font-weight:600}
.unknown{color:${CHART_COLOURS.unknown}}.legend span{margin-right:1.2rem}
`;

function cell(value: number | null | undefined): string {
  return value === undefined ? '—' : value === null ? 'none' : formatDuration(value);
}

/** The chart groups of a spec: achieved from the assessment, else predicted by the plan. */
export function chartGroups(
  spec: ContinuitySpec,
  plan: ContinuityPlan,
  assessment?: Assessment,
): ChartGroup[] {
  const groups: ChartGroup[] = [];
  for (const service of spec.services) {
    const tier = spec.tiers[service.tier];
    const verdict = assessment?.services.find((s) => s.name === service.name);
    const predicted = plan.services.find((s) => s.service === service.name)?.predicted ?? {};
    for (const disruption of DISRUPTIONS) {
      const objective = tier?.objectives[disruption];
      if (!objective) {
        continue;
      }
      const achieved = assessment ? verdict?.achieved[disruption] : predicted[disruption];
      groups.push({
        service: service.name,
        disruption,
        rto: { declaredSeconds: objective.rtoSeconds, achievedSeconds: achieved?.rtoSeconds },
        rpo: { declaredSeconds: objective.rpoSeconds, achievedSeconds: achieved?.rpoSeconds },
      });
    }
  }
  return groups;
}

function findingRow(finding: Finding): string {
  return `<tr><td>${escapeHtml(finding.rule)}</td><td>${finding.severity}</td><td>${escapeHtml(finding.service ?? '—')}</td><td>${escapeHtml(finding.disruption ?? '—')}</td><td>${escapeHtml(finding.message)}</td><td>${escapeHtml(finding.fix)}</td></tr>`;
}

/**
 * Renders one self-contained HTML report (inline CSS and SVG, no external assets): totals, a
 * chart of declared vs achieved RTO and RPO per service and disruption, the numbers as a table,
 * and the findings. Without an assessment, the plan's predictions stand in for achieved values.
 */
export function renderHtmlReport(
  spec: ContinuitySpec,
  plan: ContinuityPlan,
  assessment?: Assessment,
  options: DocsOptions = {},
): string {
  const today = options.today ?? new Date();
  const word = assessment ? 'achieved' : 'predicted';
  const groups = chartGroups(spec, plan, assessment);
  const verdicts = groups.flatMap((group) => [
    measureVerdict(group.rto),
    measureVerdict(group.rpo),
  ]);
  const count = (v: string): number => verdicts.filter((x) => x === v).length;
  const rows = groups
    .map((group) => {
      const service = spec.services.find((s) => s.name === group.service);
      const strategy = plan.services.find((s) => s.service === group.service)?.strategy ?? '—';
      const judge = (m: ChartGroup['rto']): string => {
        const v = measureVerdict(m);
        return `<span class="${v}">${v === 'met' ? 'met' : v === 'unmet' ? 'NOT MET' : 'unknown'}</span>`;
      };
      return `<tr><td>${escapeHtml(group.service)}</td><td>${escapeHtml(service?.tier ?? '—')}</td><td>${strategy}</td><td>${group.disruption}</td><td>${cell(group.rto.declaredSeconds)}</td><td>${cell(group.rto.achievedSeconds)}</td><td>${judge(group.rto)}</td><td>${cell(group.rpo.declaredSeconds)}</td><td>${cell(group.rpo.achievedSeconds)}</td><td>${judge(group.rpo)}</td></tr>`;
    })
    .join('\n');
  const findings: Finding[] = assessment
    ? [...assessment.services.flatMap((s) => s.findings), ...assessment.findings]
    : plan.services.flatMap((s) => s.findings);
  const open = findings.filter((f) => !f.suppressed);
  const servicesMet = assessment
    ? `${assessment.services.filter((s) => s.met).length} / ${assessment.services.length}`
    : '—';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Continuity report — declared vs ${word} objectives</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Continuity report</h1>
<p class="meta">Generated by continuity-kit on ${isoDate(today)} · primary ${escapeHtml(plan.regions.primary)}, recovery ${escapeHtml(plan.regions.recovery)} · ${assessment ? 'assessed against deployed resources' : 'not assessed: values are the planner\u2019s predictions'}</p>
<div class="cards">
<div class="card"><b>${spec.services.length}</b>services</div>
<div class="card"><b>${servicesMet}</b>services meeting every objective</div>
<div class="card"><b class="met">${count('met')}</b>objectives met</div>
<div class="card"><b class="unmet">${count('unmet')}</b>objectives not met</div>
<div class="card"><b class="unknown">${count('unknown')}</b>unknown</div>
</div>
<h2>Declared vs ${word} RTO and RPO</h2>
<p class="legend"><span>dashed box and black tick: declared objective</span><span class="met">green bar: ${word}, met</span><span class="unmet">red bar: ${word}, not met</span><span class="unknown">grey: unknown</span> · log scale</p>
${objectiveChart(groups, word)}
<h2>Numbers</h2>
<table>
<thead><tr><th>service</th><th>tier</th><th>strategy</th><th>disruption</th><th>declared RTO</th><th>${word} RTO</th><th>RTO</th><th>declared RPO</th><th>${word} RPO</th><th>RPO</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Findings (${open.length})</h2>
${
  open.length === 0
    ? '<p>No open findings.</p>'
    : `<table><thead><tr><th>rule</th><th>severity</th><th>service</th><th>disruption</th><th>problem</th><th>fix</th></tr></thead><tbody>\n${open.map(findingRow).join('\n')}\n</tbody></table>`
}
</body>
</html>
`;
}
