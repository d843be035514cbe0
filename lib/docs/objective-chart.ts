import { formatDuration } from '../duration/format-duration';
import type { Disruption } from '../model/disruption';

/** One bar pair of the chart: a declared limit and what is achieved. */
export interface ChartMeasure {
  /** Declared objective, in seconds. */
  readonly declaredSeconds: number;
  /** Achieved (or predicted) value in seconds; `null` not recoverable; `undefined` not known. */
  readonly achievedSeconds: number | null | undefined;
}

/** One service × disruption row group of the chart. */
export interface ChartGroup {
  readonly service: string;
  readonly disruption: Disruption;
  readonly rto: ChartMeasure;
  readonly rpo: ChartMeasure;
}

/** Colours with enough contrast on white; every bar also carries a text verdict. */
export const CHART_COLOURS = {
  met: '#1a7f37',
  unmet: '#cf222e',
  unknown: '#6e7781',
  declared: '#24292f',
} as const;

const MIN_SECONDS = 1;
const MAX_SECONDS = 30 * 86_400;
const TICKS: readonly number[] = [
  1,
  60,
  15 * 60,
  3_600,
  4 * 3_600,
  86_400,
  7 * 86_400,
  30 * 86_400,
];

const LABEL_WIDTH = 190;
const PLOT_WIDTH = 460;
const TEXT_WIDTH = 290;
const WIDTH = LABEL_WIDTH + PLOT_WIDTH + TEXT_WIDTH;
const AXIS_HEIGHT = 34;
const GROUP_HEIGHT = 62;

/** Escapes text for HTML and SVG. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** x position of a number of seconds on the log axis (0 and less sit at the left edge). */
export function logX(secondsValue: number): number {
  const clamped = Math.min(Math.max(secondsValue, MIN_SECONDS), MAX_SECONDS);
  const fraction = Math.log10(clamped / MIN_SECONDS) / Math.log10(MAX_SECONDS / MIN_SECONDS);
  return LABEL_WIDTH + fraction * PLOT_WIDTH;
}

/** Verdict of one measure: met, unmet, or unknown. */
export function measureVerdict(measure: ChartMeasure): 'met' | 'unmet' | 'unknown' {
  if (measure.achievedSeconds === undefined) {
    return 'unknown';
  }
  return measure.achievedSeconds !== null && measure.achievedSeconds <= measure.declaredSeconds
    ? 'met'
    : 'unmet';
}

function show(value: number | null | undefined): string {
  return value === undefined ? '?' : value === null ? 'none' : formatDuration(value);
}

function bar(label: 'RTO' | 'RPO', measure: ChartMeasure, y: number, achievedWord: string): string {
  const verdict = measureVerdict(measure);
  const colour = CHART_COLOURS[verdict];
  const declaredX = logX(measure.declaredSeconds);
  const achievedEnd =
    measure.achievedSeconds === undefined
      ? LABEL_WIDTH
      : measure.achievedSeconds === null
        ? LABEL_WIDTH + PLOT_WIDTH
        : logX(measure.achievedSeconds);
  const word = verdict === 'met' ? 'met' : verdict === 'unmet' ? 'NOT MET' : 'unknown';
  const text = `${label} ${achievedWord} ${show(measure.achievedSeconds)} / declared ${show(measure.declaredSeconds)}: ${word}`;
  return [
    `<g class="bar ${label.toLowerCase()} ${verdict}">`,
    `<title>${escapeHtml(text)}</title>`,
    `<text x="${LABEL_WIDTH - 8}" y="${y + 11}" text-anchor="end" class="sub">${label}</text>`,
    `<rect class="declared" x="${LABEL_WIDTH}" y="${y}" width="${(declaredX - LABEL_WIDTH).toFixed(1)}" height="14" fill="none" stroke="${CHART_COLOURS.declared}" stroke-dasharray="3 2"/>`,
    `<rect class="achieved" x="${LABEL_WIDTH}" y="${y + 3}" width="${Math.max(achievedEnd - LABEL_WIDTH, 2).toFixed(1)}" height="8" fill="${colour}"${measure.achievedSeconds === null ? ' fill-opacity="0.5"' : ''}/>`,
    `<line x1="${declaredX.toFixed(1)}" x2="${declaredX.toFixed(1)}" y1="${y - 2}" y2="${y + 16}" stroke="${CHART_COLOURS.declared}" stroke-width="2"/>`,
    `<text x="${LABEL_WIDTH + PLOT_WIDTH + 10}" y="${y + 11}" fill="${colour}" class="verdict">${escapeHtml(
      `${show(measure.achievedSeconds)} / ${show(measure.declaredSeconds)} ${verdict === 'met' ? '✓ met' : verdict === 'unmet' ? '✗ NOT MET' : '? unknown'}`,
    )}</text>`,
    '</g>',
  ].join('');
}

/**
 * An inline SVG chart of declared vs achieved RTO and RPO, one bar group per service ×
 * disruption, on a log time axis from 1 s to 30 d. The dashed box and black tick mark the
 * declared objective; the filled bar is what is achieved, green when met, red when not, grey when
 * unknown, and a text verdict repeats the colour for readers who cannot tell them apart.
 *
 * @param achievedWord - `achieved` or `predicted`, for the labels
 */
export function objectiveChart(groups: readonly ChartGroup[], achievedWord = 'achieved'): string {
  const height = AXIS_HEIGHT + groups.length * GROUP_HEIGHT + 10;
  const ticks = TICKS.map((tick) => {
    const x = logX(tick).toFixed(1);
    return (
      `<line x1="${x}" x2="${x}" y1="${AXIS_HEIGHT - 6}" y2="${height - 6}" class="grid"/>` +
      `<text x="${x}" y="${AXIS_HEIGHT - 12}" text-anchor="middle" class="tick">${formatDuration(tick)}</text>`
    );
  }).join('');
  const rows = groups
    .map((group, index) => {
      const y = AXIS_HEIGHT + index * GROUP_HEIGHT;
      return [
        `<g class="bar-group" data-service="${escapeHtml(group.service)}" data-disruption="${group.disruption}">`,
        `<text x="8" y="${y + 14}" class="group">${escapeHtml(group.service)} · ${group.disruption}</text>`,
        bar('RTO', group.rto, y + 22, achievedWord),
        bar('RPO', group.rpo, y + 40, achievedWord),
        '</g>',
      ].join('');
    })
    .join('\n');
  return [
    `<svg role="img" aria-labelledby="chart-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" class="chart">`,
    `<title id="chart-title">Declared vs ${achievedWord} RTO and RPO per service and disruption (log scale)</title>`,
    ticks,
    rows,
    '</svg>',
  ].join('\n');
}
