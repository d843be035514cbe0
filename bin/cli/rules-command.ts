import { Option } from 'commander';
import { EXIT_CODES } from './cli-context';
import { loadRules } from './lazy-modules';
import { writeOutput } from './write-output';
import type { CliContext, CommandRegistration, CommandResult } from './cli-context';

/** Formats of `continuity rules`. */
export const RULES_FORMATS = ['markdown', 'json'] as const;

/** Options of `continuity rules`. */
export interface RulesOptions {
  /**
   * Output format.
   *
   * @default 'markdown'
   */
  readonly format?: (typeof RULES_FORMATS)[number];
  /**
   * File to write to.
   *
   * @default - stdout
   */
  readonly output?: string;
}

/** `continuity rules`: the rule catalogue as Markdown (RULES.md) or JSON metadata. */
export function runRules(options: RulesOptions, context: CliContext): CommandResult {
  const { allRules, renderRulesMarkdown } = loadRules();
  const text =
    options.format === 'json'
      ? `${JSON.stringify(
          allRules.map(({ id, name, title, violation, rationale, fix, severity, docsUrl }) => ({
            id,
            name,
            title,
            violation,
            rationale,
            fix,
            severity,
            docsUrl,
          })),
          undefined,
          2,
        )}\n`
      : renderRulesMarkdown(allRules);
  const stdout = writeOutput(text, options.output, `${allRules.length} rules`, context);
  return { exitCode: EXIT_CODES.OK, stdout };
}

/** Registers `continuity rules`. */
export const registerRules: CommandRegistration = (program, context, done) => {
  program
    .command('rules')
    .description('print the rule catalogue (ids, severities, rationale, docs)')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(RULES_FORMATS)
        .default('markdown'),
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((options: RulesOptions) => done(runRules(options, context)));
};
