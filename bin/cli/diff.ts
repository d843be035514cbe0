import { existsSync } from 'node:fs';
import { Option } from 'commander';
import { InputError } from '../../lib/model/input-error';
import { EXIT_CODES } from './cli-context';
import { parseEmbeddedSpec } from './embedded-spec';
import { loadEngine, loadInventory, loadSpecModule } from './lazy-modules';
import { parseToday, resolvePath, writeOutput } from './write-output';
import type { CliContext, CommandRegistration, CommandResult } from './cli-context';
import type { AssembledState, ContinuityDiff } from '../../lib/diff';
import type { Inventory } from '../../lib/model/inventory';
import type { ContinuitySpec } from '../../lib/model/spec';

/** `lib/diff`, loaded on first use so `continuity --help` stays fast. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadDiff = (): typeof import('../../lib/diff') => require('../../lib/diff');

/** Formats of `continuity diff`. */
export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;

/** One of {@link DIFF_FORMATS}. */
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Options of `continuity diff`. */
export interface DiffOptions {
  /**
   * The continuity spec file, used for both sides.
   *
   * @default - the spec embedded in NEW, else the one embedded in OLD
   */
  readonly spec?: string;
  /**
   * Report format.
   *
   * @default 'text'
   */
  readonly format?: DiffFormat;
  /**
   * File to write the report to.
   *
   * @default - stdout
   */
  readonly output?: string;
  /**
   * Date of the assessments, `YYYY-MM-DD` (review, drill and suppression expiry dates).
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
}

/**
 * `continuity diff OLD NEW`: assesses two templates or cdk.out directories (before and after a
 * change) against one spec and reports what the change makes worse. Exit code 1 when data is at
 * risk or an objective regressed, 0 otherwise.
 *
 * @throws InputError for missing paths, a bad spec, no spec at all, or bad options
 */
export function runDiff(
  oldPath: string,
  newPath: string,
  options: DiffOptions,
  context: CliContext,
): CommandResult {
  const today = parseToday(options.today);
  const missing = [oldPath, newPath].filter((p) => !existsSync(resolvePath(p, context)));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((p) => ({
        path: p,
        message:
          'no such file or directory; pass two CloudFormation templates or cdk.out directories ' +
          '(before and after the change)',
      })),
    );
  }
  const files = [resolvePath(oldPath, context), resolvePath(newPath, context)] as const;
  const specFile = options.spec === undefined ? undefined : resolvePath(options.spec, context);
  let spec =
    specFile === undefined ? undefined : loadSpecModule().loadSpec(specFile, { now: today });
  // Two template files are two versions of one stack: name both after NEW, so that resources
  // match by logical ID (a cdk.out names its stacks itself).
  const { cloudAssemblyDirectory, readInventory, templateStackName } = loadInventory();
  const stack = files.some((file) => cloudAssemblyDirectory(file) !== undefined)
    ? undefined
    : templateStackName(files[1]);
  const read = (region: string | undefined): [Inventory, Inventory] => [
    readInventory([files[0]], { region, account: options.account, stack }),
    readInventory([files[1]], { region, account: options.account, stack }),
  ];
  let [oldInventory, newInventory] = read(options.region ?? spec?.regions.primary);
  if (spec === undefined) {
    spec = embeddedSpec(newInventory, newPath, today) ?? embeddedSpec(oldInventory, oldPath, today);
    if (spec === undefined) {
      const { chooseEmbeddedSpec, specElsewhereMessage } = loadInventory();
      const elsewhere =
        chooseEmbeddedSpec(newInventory).elsewhere ?? chooseEmbeddedSpec(oldInventory).elsewhere;
      throw new InputError([
        {
          path: '--spec',
          message:
            elsewhere === undefined
              ? 'no continuity spec: pass --spec FILE (e.g. --spec continuity.yaml), or compare ' +
                'cdk.out directories whose stacks embed one (ContinuityKit::Spec metadata)'
              : `no continuity spec: ${specElsewhereMessage(elsewhere)}; or pass --spec FILE`,
        },
      ]);
    }
    if (options.region === undefined) {
      // Template files carry no Region: read them again in the embedded spec's primary Region.
      [oldInventory, newInventory] = read(spec.regions.primary);
    }
  }
  const side = (inventory: Inventory): AssembledState => ({
    inventory,
    spec,
    assessment: loadEngine().assess(spec as ContinuitySpec, inventory, {
      today,
      accountId: options.account,
    }),
  });
  const diff = loadDiff().diffAssemblies(side(oldInventory), side(newInventory));
  const report = render(diff, options.format ?? 'text');
  return {
    exitCode: diff.atRisk ? EXIT_CODES.NOT_MET : EXIT_CODES.OK,
    stdout: writeOutput(report, options.output, loadDiff().summarizeDiff(diff), context),
  };
}

/** Registers `continuity diff`. */
export const registerDiff: CommandRegistration = (program, context, done) => {
  program
    .command('diff')
    .description(
      'report what a change makes worse: objectives that regress, stateful resources replaced or deleted',
    )
    .argument('<old>', 'template or cdk.out directory before the change')
    .argument('<new>', 'template or cdk.out directory after the change')
    .option(
      '-s, --spec <file>',
      'continuity spec (YAML or JSON) for both sides; default: the spec embedded in NEW, else OLD',
    )
    .addOption(
      new Option('-f, --format <format>', 'report format').choices(DIFF_FORMATS).default('text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--today <date>', 'date of the assessments, YYYY-MM-DD')
    .option('--region <region>', "region of template files; default: the spec's primary region")
    .option('--account <id>', 'AWS account the templates deploy to (for cross-account copies)')
    .action((oldPath: string, newPath: string, options: DiffOptions) =>
      done(runDiff(oldPath, newPath, options, context)),
    );
};

/** The spec embedded in an inventory (`chooseEmbeddedSpec`), validated; `undefined` when none. */
function embeddedSpec(
  inventory: Inventory,
  where: string,
  today: Date | undefined,
): ContinuitySpec | undefined {
  const { embedded } = loadInventory().chooseEmbeddedSpec(inventory);
  return embedded === undefined ? undefined : parseEmbeddedSpec(embedded, today, where);
}

function render(diff: ContinuityDiff, format: DiffFormat): string {
  const lib = loadDiff();
  switch (format) {
    case 'json':
      return lib.diffToJson(diff);
    case 'markdown':
      return lib.diffToMarkdown(diff);
    case 'text':
      return lib.diffToText(diff);
  }
}
