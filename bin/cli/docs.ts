import { existsSync } from 'node:fs';
import { InputError } from '../../lib/model/input-error';
import { EXIT_CODES } from './cli-context';
import { loadDocs, loadEngine, loadInventory, loadPlanner, loadSpecModule } from './lazy-modules';
import { parseToday, resolvePath } from './write-output';
import type { CliContext, CommandRegistration, CommandResult } from './cli-context';
import type { Assessment } from '../../lib/model/assessment';

/** Options of `continuity docs`. */
export interface DocsCommandOptions {
  /** The continuity spec file. */
  readonly spec: string;
  /**
   * Folder to write `index.md`, `<service>.md` and `report.html` into.
   *
   * @default 'continuity-docs'
   */
  readonly out?: string;
  /**
   * Date drills and reviews are judged against, `YYYY-MM-DD`.
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
   * @default - unknown
   */
  readonly account?: string;
}

/** Folder `continuity docs` writes to when `--out` is not given. */
export const DEFAULT_DOCS_DIR = 'continuity-docs';

/**
 * `continuity docs --spec FILE [PATH...] [--out DIR]`: writes a service continuity plan per
 * service, an index and a self-contained HTML report. With template or cdk.out paths, the
 * documents show achieved objectives (assessed); without, the planner's predictions.
 *
 * @throws InputError for a bad spec, missing paths or an unwritable folder
 */
export function runDocs(
  paths: readonly string[],
  options: DocsCommandOptions,
  context: CliContext,
): CommandResult {
  const today = parseToday(options.today);
  const missing = paths.filter((p) => !existsSync(resolvePath(p, context)));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((p) => ({
        path: p,
        message:
          'no such file or directory; pass CloudFormation template files or a cdk.out directory',
      })),
    );
  }
  const spec = loadSpecModule().loadSpec(resolvePath(options.spec, context), { now: today });
  const plan = loadPlanner().planContinuity(spec);
  let assessment: Assessment | undefined;
  if (paths.length > 0) {
    const inventory = loadInventory().readInventory(
      paths.map((p) => resolvePath(p, context)),
      { region: options.region ?? spec.regions.primary, account: options.account },
    );
    assessment = loadEngine().assess(spec, inventory, { today, accountId: options.account });
  }
  const out = options.out ?? DEFAULT_DOCS_DIR;
  let written: string[];
  try {
    written = loadDocs().writeDocs(resolvePath(out, context), spec, plan, assessment, { today });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) {
      throw error;
    }
    throw new InputError([
      { path: '--out', message: `cannot write to ${out} (${code}); choose a writable folder` },
    ]);
  }
  const what = assessment
    ? 'assessed against the given templates'
    : 'predicted from the plan (pass templates or cdk.out to assess)';
  return {
    exitCode: EXIT_CODES.OK,
    stdout: `docs: ${written.length} files written to ${out}, ${what}\n${written.map((f) => `  ${f}`).join('\n')}\n`,
  };
}

/** Registers `continuity docs`. */
export const registerDocs: CommandRegistration = (program, context, done) => {
  program
    .command('docs')
    .description('write a service continuity plan per service, an index and an HTML report')
    .argument(
      '[paths...]',
      'CloudFormation templates or cdk.out directories, to show achieved objectives',
    )
    .requiredOption('-s, --spec <file>', 'continuity spec (YAML or JSON)')
    .option('-o, --out <dir>', `folder to write into (default: ${DEFAULT_DOCS_DIR})`)
    .option('--today <date>', 'date drills and reviews are judged against, YYYY-MM-DD')
    .option('--region <region>', "region of template files; default: the spec's primary region")
    .option('--account <id>', 'AWS account the templates deploy to')
    .action((paths: string[], options: DocsCommandOptions) =>
      done(runDocs(paths, options, context)),
    );
};
