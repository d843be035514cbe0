import { formatMoney } from './recommend-tier';
import type { TierEvaluation, TierRecommendation } from './recommend-tier';

/** Output formats of `continuity recommend`. */
export const RECOMMENDATION_FORMATS = ['text', 'json', 'markdown'] as const;
/** One of {@link RECOMMENDATION_FORMATS}. */
export type RecommendationFormat = (typeof RECOMMENDATION_FORMATS)[number];

interface Row {
  readonly service: string;
  readonly recommended: string;
  readonly recommendedCost: string;
  readonly runnerUp: string;
  readonly runnerUpCost: string;
  readonly declared: string;
  readonly flag: string;
}

const HEADERS: Row = {
  service: 'service',
  recommended: 'recommended',
  recommendedCost: 'expected cost/yr',
  runnerUp: 'runner-up',
  runnerUpCost: 'expected cost/yr',
  declared: 'declared',
  flag: 'flag',
};

function rowOf(recommendation: TierRecommendation): Row {
  const cost = (evaluation: TierEvaluation | undefined): string =>
    evaluation ? formatMoney(evaluation.totalAnnualCost) : '—';
  return {
    service: recommendation.service,
    recommended: recommendation.best?.tier ?? 'none',
    recommendedCost: cost(recommendation.best),
    runnerUp: recommendation.runnerUp?.tier ?? '—',
    runnerUpCost: cost(recommendation.runnerUp),
    declared: recommendation.declared?.tier ?? '—',
    flag: recommendation.declared?.flag ?? '—',
  };
}

function text(recommendations: readonly TierRecommendation[], currency: string): string {
  const rows = [HEADERS, ...recommendations.map(rowOf)];
  const keys = Object.keys(HEADERS) as (keyof Row)[];
  const widths = keys.map((key) => Math.max(...rows.map((row) => row[key].length)));
  const lines = rows.map((row) =>
    keys
      .map((key, index) => row[key].padEnd(widths[index]))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  lines.push(
    '',
    `Costs in ${currency} per year: expected loss from disruptions + running cost of the tier.`,
  );
  for (const recommendation of recommendations) {
    lines.push('', `${recommendation.service}:`);
    lines.push(...recommendation.why.map((line) => `  ${line}`));
    if (recommendation.declared && recommendation.declared.flag !== 'ok') {
      lines.push(`  declared ${recommendation.declared.tier} is ${recommendation.declared.flag}:`);
      lines.push(...recommendation.declared.reasons.map((line) => `    ${line}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

function markdown(recommendations: readonly TierRecommendation[], currency: string): string {
  const keys = Object.keys(HEADERS) as (keyof Row)[];
  const line = (row: Row): string => `| ${keys.map((key) => row[key]).join(' | ')} |`;
  const out = [
    '# Tier recommendations',
    '',
    `Costs in ${currency} per year: expected loss from disruptions + running cost of the tier.`,
    '',
    line(HEADERS),
    `|${keys.map(() => '---').join('|')}|`,
    ...recommendations.map((recommendation) => line(rowOf(recommendation))),
  ];
  for (const recommendation of recommendations) {
    out.push(
      '',
      `## ${recommendation.service}`,
      '',
      ...recommendation.why.map((why) => `- ${why}`),
    );
    if (recommendation.declared && recommendation.declared.flag !== 'ok') {
      out.push(
        '',
        `Declared tier **${recommendation.declared.tier}** is **${recommendation.declared.flag}**:`,
        '',
        ...recommendation.declared.reasons.map((reason) => `- ${reason}`),
      );
    }
    const best = recommendation.best;
    if (best) {
      out.push('', `Running cost of ${best.tier} (${best.strategy}):`, '');
      out.push(
        ...(best.runningCost.lines.length === 0
          ? ['- nothing in the cost model']
          : best.runningCost.lines.map(
              (cost) => `- ${cost.item}: ${formatMoney(cost.annual)} (${cost.explanation})`,
            )),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** Renders tier recommendations as a text table, Markdown, or JSON (numbers rounded to cents). */
export function formatRecommendations(
  recommendations: readonly TierRecommendation[],
  format: RecommendationFormat,
  currency = 'USD',
): string {
  if (format === 'json') {
    const round = (_key: string, value: unknown): unknown =>
      typeof value === 'number' ? Math.round(value * 100) / 100 : value;
    return `${JSON.stringify({ currency, services: recommendations }, round, 2)}\n`;
  }
  return format === 'markdown'
    ? markdown(recommendations, currency)
    : text(recommendations, currency);
}
