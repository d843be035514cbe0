import { Option } from 'commander';
import { InputError } from '../../lib/model/input-error';
import { EXIT_CODES } from './cli-context';
import { loadExport, loadSpecModule, loadYaml } from './lazy-modules';
import { resolvePath, writeOutput } from './write-output';
import type { CliContext, CommandRegistration, CommandResult } from './cli-context';

/** Formats of `continuity export resilience-hub`. */
export const EXPORT_FORMATS = ['yaml', 'json'] as const;

/** Options of `continuity export resilience-hub`. */
export interface ExportResilienceHubOptions {
  /** The continuity spec file. */
  readonly spec: string;
  /**
   * Template format.
   *
   * @default 'yaml'
   */
  readonly format?: (typeof EXPORT_FORMATS)[number];
  /**
   * File to write the template to.
   *
   * @default - stdout
   */
  readonly output?: string;
  /**
   * Tiers to export.
   *
   * @default - every tier a service uses
   */
  readonly tier?: readonly string[];
}

/**
 * `continuity export resilience-hub --spec FILE`: a CloudFormation template with one
 * `AWS::ResilienceHub::ResiliencyPolicy` per tier.
 *
 * @throws InputError for a bad spec or an unknown tier
 */
export function runExportResilienceHub(
  options: ExportResilienceHubOptions,
  context: CliContext,
): CommandResult {
  const spec = loadSpecModule().loadSpec(resolvePath(options.spec, context));
  const unknown = (options.tier ?? []).filter((t) => !(t in spec.tiers));
  if (unknown.length > 0) {
    throw new InputError(
      unknown.map((t) => ({
        path: '--tier',
        message: `unknown tier '${t}'; use one of ${Object.keys(spec.tiers).join(', ')}`,
      })),
    );
  }
  const template = loadExport().toResilienceHubTemplate(spec, options.tier);
  const text =
    options.format === 'json'
      ? `${JSON.stringify(template, undefined, 2)}\n`
      : loadYaml().stringify(template);
  const count = Object.keys(template.Resources).length;
  const stdout = writeOutput(text, options.output, `export: ${count} resiliency policies`, context);
  return { exitCode: EXIT_CODES.OK, stdout };
}

/** Registers `continuity export resilience-hub`. */
export const registerExport: CommandRegistration = (program, context, done) => {
  const exportCommand = program
    .command('export')
    .description('export the spec to other tools (resilience-hub)');
  exportCommand
    .command('resilience-hub')
    .description('write each tier as an AWS Resilience Hub resiliency policy (CloudFormation)')
    .requiredOption('-s, --spec <file>', 'continuity spec (YAML or JSON)')
    .addOption(
      new Option('-f, --format <format>', 'template format')
        .choices(EXPORT_FORMATS)
        .default('yaml'),
    )
    .option('-o, --output <file>', 'write the template to a file instead of stdout')
    .option('--tier <name...>', 'tiers to export (default: every tier a service uses)')
    .action((options: ExportResilienceHubOptions) =>
      done(runExportResilienceHub(options, context)),
    );
};
