/* eslint-disable @typescript-eslint/no-require-imports */
import { Option } from 'commander';
import { EXIT_CODES } from './cli-context';
import { loadSpecModule } from './lazy-modules';
import { parseToday, resolvePath, writeOutput } from './write-output';
import type { CliContext, CommandRegistration, CommandResult } from './cli-context';
import type { RecommendationFormat } from '../../lib/bia';
import type { RecoveryTier } from '../../lib/model/spec';

// Loaded on first use, like the other commands' modules, so `continuity --help` stays fast.
const loadBiaModule = (): typeof import('../../lib/bia') => require('../../lib/bia');
const loadTiers = (): typeof import('../../lib/tiers') => require('../../lib/tiers');

/** Formats of `continuity recommend` (the same as `lib/bia`'s `RECOMMENDATION_FORMATS`). */
export const RECOMMEND_FORMATS = [
  'text',
  'json',
  'markdown',
] as const satisfies readonly RecommendationFormat[];

/** Options of `continuity recommend`. */
export interface RecommendOptions {
  /** The business impact analysis file (YAML or JSON). */
  readonly bia: string;
  /**
   * Continuity spec: its tiers are the candidates, its services give the declared tier and sizes.
   *
   * @default - the built-in tiers; declared tiers from the BIA's `tier` fields
   */
  readonly spec?: string;
  /**
   * Output format.
   *
   * @default 'text'
   */
  readonly format?: RecommendationFormat;
  /**
   * File to write the recommendations to.
   *
   * @default - stdout
   */
  readonly output?: string;
  /**
   * Date used to validate the spec's review and drill dates, `YYYY-MM-DD`.
   *
   * @default - today
   */
  readonly today?: string;
}

/**
 * `continuity recommend --bia FILE [--spec FILE]`: per service, the tier with the lowest expected
 * annual loss plus running cost, the runner-up, and a flag on the declared tier. Exit code 0, or 1
 * when a declared tier is under-provisioned (or unknown) against the BIA.
 *
 * @throws InputError for a bad BIA, a bad spec, or a BIA service the spec does not declare
 */
export function runRecommend(options: RecommendOptions, context: CliContext): CommandResult {
  const { applySpec, formatRecommendations, loadBia, recommendTier } = loadBiaModule();
  const biaFile = resolvePath(options.bia, context);
  let bia = loadBia(biaFile);
  let tiers: Readonly<Record<string, RecoveryTier>> = loadTiers().BUILT_IN_TIERS;
  if (options.spec !== undefined) {
    const spec = loadSpecModule().loadSpec(resolvePath(options.spec, context), {
      now: parseToday(options.today),
    });
    bia = applySpec(bia, spec, biaFile);
    tiers = spec.tiers;
  }
  const recommendations = bia.services.map((service) =>
    recommendTier(service, tiers, bia.costModel),
  );
  const text = formatRecommendations(recommendations, options.format ?? 'text', bia.currency);
  const flagged = recommendations.filter(
    (r) => r.declared?.flag === 'under-provisioned' || r.declared?.flag === 'unknown-tier',
  );
  const summary = `recommend: ${recommendations.length} services, ${flagged.length} under-provisioned`;
  return {
    exitCode: flagged.length > 0 ? EXIT_CODES.NOT_MET : EXIT_CODES.OK,
    stdout: writeOutput(text, options.output, summary, context),
  };
}

/** Registers `continuity recommend`. */
export const registerRecommend: CommandRegistration = (program, context, done) => {
  program
    .command('recommend')
    .description(
      'recommend a tier per service from a business impact analysis (expected loss + running cost)',
    )
    .requiredOption('-b, --bia <file>', 'business impact analysis (YAML or JSON)')
    .option('-s, --spec <file>', 'continuity spec: candidate tiers, declared tiers and store sizes')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(RECOMMEND_FORMATS)
        .default('text'),
    )
    .option('-o, --output <file>', 'write the recommendations to a file instead of stdout')
    .option('--today <date>', 'date used to validate the spec, YYYY-MM-DD')
    .action((options: RecommendOptions) => done(runRecommend(options, context)));
};
