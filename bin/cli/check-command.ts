import { existsSync } from 'node:fs';
import { Option } from 'commander';
import { InputError } from '../../lib/model/input-error';
import { EXIT_CODES } from './cli-context';
import { parseEmbeddedSpec } from './embedded-spec';
import { fileLineLocator } from './line-locator';
import { loadEngine, loadInventory, loadReport, loadRules, loadSpecModule } from './lazy-modules';
import { toolVersion } from './tool-version';
import { parseToday, resolvePath, useColor, writeOutput } from './write-output';
import type { CliContext, CommandRegistration, CommandResult } from './cli-context';
import type { ReportText } from './write-output';
import type { Assessment } from '../../lib/model/assessment';
import type { Inventory } from '../../lib/model/inventory';
import type { ContinuitySpec } from '../../lib/model/spec';

/** Formats of `continuity check`. */
export const CHECK_FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit'] as const;

/** One of {@link CHECK_FORMATS}. */
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Options of `continuity check`. */
export interface CheckOptions {
  /**
   * The continuity spec file.
   *
   * @default - the spec embedded in the templates (`ContinuityKit::Spec` metadata)
   */
  readonly spec?: string;
  /**
   * Report format.
   *
   * @default 'text'
   */
  readonly format?: CheckFormat;
  /**
   * File to write the report to.
   *
   * @default - stdout
   */
  readonly output?: string;
  /**
   * Date the check runs, `YYYY-MM-DD` (review, drill and suppression expiry dates).
   *
   * @default - today
   */
  readonly today?: string;
  /**
   * Region of templates given as files.
   *
   * @default - the spec's primary Region
   */
  readonly region?: string;
  /**
   * Account the templates deploy to.
   *
   * @default - unknown: no copy counts as cross-account
   */
  readonly account?: string;
  /**
   * Colour the text report.
   *
   * @default - on when stdout is a terminal and `NO_COLOR` is not set
   */
  readonly color?: boolean;
  /**
   * Print GitHub Actions annotations (`::error file=...::...`).
   *
   * @default - on when the environment variable `GITHUB_ACTIONS` is `true`
   */
  readonly annotations?: boolean;
}

/** Paths checked when none are given. */
export const DEFAULT_CHECK_PATHS = ['cdk.out'];

/**
 * `continuity check [PATH...]`: assesses templates or cdk.out directories against the spec and
 * renders the report. Exit code 0 when every objective is met, 1 otherwise.
 *
 * @throws InputError for missing paths, a bad spec, no spec at all, or bad options
 */
export function runCheck(
  paths: readonly string[],
  options: CheckOptions,
  context: CliContext,
): CommandResult {
  const today = parseToday(options.today);
  const given = paths.length > 0 ? paths : DEFAULT_CHECK_PATHS;
  const missing = given.filter((p) => !existsSync(resolvePath(p, context)));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((p) => ({
        path: p,
        message:
          p === 'cdk.out' && paths.length === 0
            ? 'no cdk.out directory here; run `cdk synth` first, or pass template files or a cdk.out directory'
            : 'no such file or directory; pass CloudFormation template files or a cdk.out directory',
      })),
    );
  }
  const files = given.map((p) => resolvePath(p, context));
  const specFile = options.spec === undefined ? undefined : resolvePath(options.spec, context);
  const fileSpec =
    specFile === undefined ? undefined : loadSpecModule().loadSpec(specFile, { now: today });
  const region = options.region ?? fileSpec?.regions.primary;
  const { readInventory } = loadInventory();
  let inventory = readInventory(files, { region, account: options.account });
  let warning = '';
  let spec = fileSpec;
  if (spec === undefined) {
    const embedded = embeddedSpec(inventory, today);
    spec = embedded.spec;
    warning = embedded.warning;
    if (options.region === undefined) {
      // Template files carry no Region: read them again in the embedded spec's primary Region.
      inventory = readInventory(files, { region: spec.regions.primary, account: options.account });
    }
  }
  const assessment = loadEngine().assess(spec, inventory, { today, accountId: options.account });
  const format = options.format ?? 'text';
  const report = render(assessment, spec, format, { ...options, specFile }, context);
  const summary = loadReport().summarize(assessment);
  let stdout = writeOutput(report, options.output, summary, context);
  let stderr = warning;
  if (options.annotations ?? context.env.GITHUB_ACTIONS === 'true') {
    const annotations = loadReport().toGithubAnnotations(assessment, {
      specFile,
      locateLine: fileLineLocator(),
    });
    // Keep machine-readable stdout parseable: annotations go with it only when it is for people.
    if (options.output !== undefined || format === 'text' || format === 'markdown') {
      stdout += annotations;
    } else {
      stderr += annotations;
    }
  }
  return {
    exitCode: assessment.met ? EXIT_CODES.OK : EXIT_CODES.NOT_MET,
    stdout,
    ...(stderr !== '' ? { stderr } : {}),
  };
}

/** Registers `continuity check`. */
export const registerCheck: CommandRegistration = (program, context, done) => {
  program
    .command('check')
    .description('check templates or cdk.out directories against the continuity spec')
    .argument(
      '[paths...]',
      'CloudFormation templates (JSON/YAML) or cdk.out directories (default: cdk.out)',
    )
    .option(
      '-s, --spec <file>',
      'continuity spec (YAML or JSON); default: the spec embedded in the assembly',
    )
    .addOption(
      new Option('-f, --format <format>', 'report format').choices(CHECK_FORMATS).default('text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option(
      '--today <date>',
      'date of the check, YYYY-MM-DD (review, drill and suppression expiry)',
    )
    .option('--region <region>', "region of template files; default: the spec's primary region")
    .option('--account <id>', 'AWS account the templates deploy to (for cross-account copies)')
    .option('--color', 'colour the text report (default: on a terminal, unless NO_COLOR is set)')
    .option('--no-color', 'never colour the text report')
    .option('--annotations', 'print GitHub Actions annotations (default: when GITHUB_ACTIONS=true)')
    .option('--no-annotations', 'never print GitHub Actions annotations')
    .action((paths: string[], options: CheckOptions) => done(runCheck(paths, options, context)));
};

function embeddedSpec(
  inventory: Inventory,
  today: Date | undefined,
): { spec: ContinuitySpec; warning: string } {
  const { embedded, differing, elsewhere } = loadInventory().chooseEmbeddedSpec(inventory);
  if (embedded === undefined) {
    throw new InputError([
      {
        path: '--spec',
        message:
          elsewhere === undefined
            ? 'no continuity spec: pass --spec FILE (e.g. --spec continuity.yaml), or check a cdk.out whose ' +
              'stacks embed one (ContinuityKit::Spec metadata)'
            : `no continuity spec: ${loadInventory().specElsewhereMessage(elsewhere)}; or pass --spec FILE`,
      },
    ]);
  }
  const warning =
    differing.length > 0
      ? `warning: stacks ${[embedded.stack, ...differing].join(', ')} embed different specs; ` +
        `using the one of ${embedded.stack}; pass --spec to choose\n`
      : '';
  return { spec: parseEmbeddedSpec(embedded, today), warning };
}

function render(
  assessment: Assessment,
  spec: ContinuitySpec,
  format: CheckFormat,
  options: CheckOptions & { readonly specFile?: string },
  context: CliContext,
): ReportText {
  const report = loadReport();
  // JSON documents go piece by piece where they can: to a file, or to a process's stdout
  const inPieces = options.output !== undefined || context.writeStdout !== undefined;
  switch (format) {
    case 'json':
      return inPieces ? report.toJsonChunks(assessment) : report.toJson(assessment);
    case 'markdown':
      return report.toMarkdown(assessment, { services: spec.services });
    case 'sarif': {
      const sarifOptions = {
        rules: loadRules().allRules,
        specFile: options.specFile,
        rootDir: context.cwd,
        toolVersion: toolVersion(),
        locateLine: fileLineLocator(),
      };
      return inPieces
        ? report.toSarifChunks(assessment, sarifOptions)
        : report.toSarif(assessment, sarifOptions);
    }
    case 'junit':
      return report.toJunit(assessment);
    case 'text': {
      const textOptions = { color: useColor(options.color, options.output, context) };
      return inPieces
        ? report.toTextChunks(assessment, textOptions)
        : report.toText(assessment, textOptions);
    }
  }
}
