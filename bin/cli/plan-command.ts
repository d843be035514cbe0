import { Option } from 'commander';
import { EXIT_CODES } from './cli-context';
import { loadPlanner, loadReport, loadSpecModule } from './lazy-modules';
import { parseToday, resolvePath, useColor, writeOutput } from './write-output';
import type { CliContext, CommandRegistration, CommandResult } from './cli-context';

/** Formats of `continuity plan`. */
export const PLAN_FORMATS = ['text', 'json', 'markdown'] as const;

/** Options of `continuity plan`. */
export interface PlanOptions {
  /** The continuity spec file. */
  readonly spec: string;
  /**
   * Output format.
   *
   * @default 'text'
   */
  readonly format?: (typeof PLAN_FORMATS)[number];
  /**
   * File to write the plan to.
   *
   * @default - stdout
   */
  readonly output?: string;
  /**
   * Date used to validate review and drill dates, `YYYY-MM-DD`.
   *
   * @default - today
   */
  readonly today?: string;
  /**
   * Colour the text output.
   *
   * @default - on when stdout is a terminal and `NO_COLOR` is not set
   */
  readonly color?: boolean;
}

/**
 * `continuity plan --spec FILE`: the plan per tier and service with predicted objectives.
 * Exit code 0 when every prediction meets its objective, 1 when the planner cannot meet one.
 *
 * @throws InputError for a bad spec or options
 */
export function runPlan(options: PlanOptions, context: CliContext): CommandResult {
  const today = parseToday(options.today);
  const spec = loadSpecModule().loadSpec(resolvePath(options.spec, context), { now: today });
  const plan = loadPlanner().planContinuity(spec);
  const report = loadReport();
  const predicted = report.planToAssessment(plan, spec);
  let text: string;
  switch (options.format ?? 'text') {
    case 'json':
      text = `${JSON.stringify(plan, undefined, 2)}\n`;
      break;
    case 'markdown':
      text = report.planToMarkdown(plan, spec);
      break;
    default:
      text = report.planToText(plan, spec, {
        color: useColor(options.color, options.output, context),
      });
  }
  const stdout = writeOutput(text, options.output, `plan: ${report.summarize(predicted)}`, context);
  return { exitCode: predicted.met ? EXIT_CODES.OK : EXIT_CODES.NOT_MET, stdout };
}

/** Registers `continuity plan`. */
export const registerPlan: CommandRegistration = (program, context, done) => {
  program
    .command('plan')
    .description(
      'print the plan per tier and service: strategy, backups, replication, standby, predicted RTO/RPO',
    )
    .requiredOption('-s, --spec <file>', 'continuity spec (YAML or JSON)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(PLAN_FORMATS).default('text'),
    )
    .option('-o, --output <file>', 'write the plan to a file instead of stdout')
    .option('--today <date>', 'date used to validate review and drill dates, YYYY-MM-DD')
    .option('--color', 'colour the text output (default: on a terminal, unless NO_COLOR is set)')
    .option('--no-color', 'never colour the text output')
    .action((options: PlanOptions) => done(runPlan(options, context)));
};
