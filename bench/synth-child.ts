import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ContinuityStacks } from '../constructs/cdk';
import { parseSpec } from '../lib/spec';
import { ContinuityChecks } from '../policies/cdk-nag';
import { benchSpec } from './generate-assembly';
import { buildPlainApp } from './plain-cdk-app';

/** What one synth run reports on its last stdout line. */
export interface SynthRunResult {
  /** Building the construct tree (ours: parsing the spec and planning included), ms. */
  readonly constructMs: number;
  /** `app.synth()`, validation plugins included, ms. */
  readonly synthMs: number;
  /** Time inside the validation plugins' `validate` (the pack's own work), ms. */
  readonly packMs: number;
  /** Total resources over all stacks. */
  readonly resources: number;
  readonly stacks: number;
  /** Resources in the largest stack. */
  readonly maxStackResources: number;
  /** Resources per CloudFormation type. */
  readonly types: Record<string, number>;
  /** Error message when synth threw (a policy pack reporting errors), else absent. */
  readonly synthError?: string;
}

/** Today's date for the pack, fixed so runs are comparable. */
const TODAY = new Date('2026-11-21T00:00:00Z');

/** A validation plugin, as far as {@link timed} needs it. */
interface Validating {
  validate(context: never): unknown;
}

/** `plugin`, adding the time each `validate` call takes to `spent.ms`. */
function timed<T extends Validating>(plugin: T, spent: { ms: number }): T {
  const validate = plugin.validate.bind(plugin) as (context: never) => unknown;
  plugin.validate = ((context: never) => {
    const started = process.hrtime.bigint();
    try {
      return validate(context);
    } finally {
      spent.ms += Number(process.hrtime.bigint() - started) / 1e6;
    }
  }) as T['validate'];
  return plugin;
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * `node dist/bench/synth-child.js --variant ours|plain --services N --outdir DIR
 * [--validation] [--nag none|ours|aws]`: builds and synthesizes one app, prints a
 * {@link SynthRunResult} as JSON.
 */
export function runSynth(args: readonly string[]): SynthRunResult {
  const variant = option(args, '--variant');
  const services = Number(option(args, '--services'));
  const outdir = option(args, '--outdir');
  const nag = option(args, '--nag') ?? 'none';
  const validation = args.includes('--validation');
  if ((variant !== 'ours' && variant !== 'plain') || !Number.isInteger(services) || !outdir) {
    throw new Error(
      `got --variant ${variant} --services ${services} --outdir ${outdir}; ` +
        'pass --variant ours|plain --services <integer> --outdir <dir>',
    );
  }
  const started = process.hrtime.bigint();
  const pack = { ms: 0 };
  // With a pack, findings must not end synthesis early: the app writes the validation report
  // and finishes, so t(pack) - t(none) measures the pack and nothing is skipped.
  const app = new App({
    outdir,
    builtinCloudFormationValidation: validation,
    context: { '@aws-cdk/core:failSynthOnValidationErrors': false },
  });
  if (variant === 'ours') {
    const spec = parseSpec(benchSpec(services, false), { now: TODAY });
    new ContinuityStacks(app, 'Shop', { spec, account: '123456789012' }).addServices();
    if (nag === 'ours') {
      Validations.of(app).addPlugins(
        timed(new ContinuityChecks(app, { spec, today: TODAY }), pack),
      );
    }
  } else {
    buildPlainApp(app, services);
  }
  if (nag === 'aws') {
    Validations.of(app).addPlugins(timed(new AwsSolutionsChecks(app), pack));
  }
  const built = process.hrtime.bigint();
  let synthError: string | undefined;
  let assembly;
  try {
    assembly = app.synth();
  } catch (error) {
    synthError = (error as Error).message.slice(0, 300);
  }
  const done = process.hrtime.bigint();
  const types: Record<string, number> = {};
  let resources = 0;
  let maxStackResources = 0;
  const stacks = assembly?.stacks ?? [];
  for (const s of stacks) {
    const template = JSON.parse(readFileSync(s.templateFullPath, 'utf8')) as {
      Resources?: Record<string, { Type: string }>;
    };
    const list = Object.values(template.Resources ?? {});
    resources += list.length;
    maxStackResources = Math.max(maxStackResources, list.length);
    for (const r of list) {
      types[r.Type] = (types[r.Type] ?? 0) + 1;
    }
  }
  return {
    constructMs: Number(built - started) / 1e6,
    synthMs: Number(done - built) / 1e6,
    packMs: pack.ms,
    resources,
    stacks: stacks.length,
    maxStackResources,
    types,
    ...(synthError ? { synthError } : {}),
  };
}

if (require.main === module) {
  const result = runSynth(process.argv.slice(2));
  // validation plugins print their reports to stderr and may set a failing exit code
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
  process.exitCode = 0;
}
