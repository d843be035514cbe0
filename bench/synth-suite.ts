import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { lastJsonLine, runProcess } from './measure';
import { formatMs, logLogSlope } from './stats';
import { Samples, comparisonRow, interleave } from './suite';
import type { BenchContext, BenchRow, Suite, SuiteResult } from './suite';
import type { SynthRunResult } from './synth-child';

/** CloudFormation's limit of resources per stack. */
const CFN_MAX_RESOURCES = 500;

/** Runs one synth child; returns the process run and what the child reported. */
export function runSynthChild(
  context: BenchContext,
  args: readonly string[],
  validation: boolean,
): { run: ReturnType<typeof runProcess>; result: SynthRunResult } {
  const outdir = join(context.workDir, `cdk.out-${process.hrtime.bigint()}`);
  const run = runProcess(
    process.execPath,
    [
      join(context.root, 'dist', 'bench', 'synth-child.js'),
      ...args,
      '--outdir',
      outdir,
      ...(validation ? ['--validation'] : []),
    ],
    { env: validation ? {} : { CDK_VALIDATION: 'false' }, cwd: context.root },
  );
  rmSync(outdir, { recursive: true, force: true });
  return { run, result: lastJsonLine<SynthRunResult>(run.stdout) };
}

type Variant = 'ours' | 'plain';

function typeCounts(types: Record<string, number>): string {
  return Object.entries(types)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, n]) => `${t.replace(/^AWS::/, '')} ${n}`)
    .join(', ');
}

/** `ContinuityStacks` synthesis against the same resources written with plain L2 constructs. */
export const synthSuite: Suite = {
  name: 'synth',
  run(context: BenchContext): SuiteResult {
    const plan: { n: number; repeats: number }[] = context.quick
      ? [
          { n: 10, repeats: 3 },
          { n: 50, repeats: 2 },
        ]
      : [
          { n: 10, repeats: 5 },
          { n: 100, repeats: 3 },
          { n: 200, repeats: 5 },
          { n: 500, repeats: 5 },
        ];
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    const checks: { what: string; pass: boolean }[] = [];
    const points: { x: number; y: number }[] = [];
    let maxPerStack = 0;
    for (const { n, repeats } of plan) {
      const samples: Record<Variant, Samples> = { ours: new Samples(), plain: new Samples() };
      const last: Partial<Record<Variant, SynthRunResult>> = {};
      interleave<Variant>(['plain', 'ours'], repeats, (variant) => {
        const { run, result } = runSynthChild(
          context,
          ['--variant', variant, '--services', String(n)],
          false,
        );
        samples[variant].add(run, result.constructMs + result.synthMs);
        last[variant] = result;
        if (result.synthError) {
          throw new Error(`synth of ${variant} with ${n} services failed: ${result.synthError}`);
        }
      });
      context.log(
        `synth: N=${n} plain ${formatMs(samples.plain.ms)}, ours ${formatMs(samples.ours.ms)}`,
      );
      rows.push(
        comparisonRow(
          'synth, validation off',
          n,
          samples.plain,
          samples.ours,
          n >= 200
            ? { target: '<= 1.2x', passes: (ratio) => ratio <= 1.2 }
            : { target: '(reported)' },
        ),
      );
      points.push({ x: n, y: samples.ours.ms });
      const ours = last.ours!;
      const plain = last.plain!;
      maxPerStack = Math.max(maxPerStack, ours.maxStackResources);
      // the baseline mirrors the constructs' output by hand; when they drift apart (per resource
      // type, not only in total) the ratio compares different work, so say so instead of passing
      const differing = Object.keys({ ...ours.types, ...plain.types })
        .filter((t) => (ours.types[t] ?? 0) !== (plain.types[t] ?? 0))
        .map((t) => `${t} ${ours.types[t] ?? 0} vs ${plain.types[t] ?? 0}`);
      if (differing.length > 0) {
        checks.push({
          what: `N=${n}: like for like: ours has ${ours.resources} resources, the baseline ${plain.resources} (${differing.join(', ')}); update bench/plain-cdk-app.ts`,
          pass: false,
        });
      }
      notes.push(
        `N=${n}: resources ours ${ours.resources} in ${ours.stacks} stacks (largest ${ours.maxStackResources}), ` +
          `plain ${plain.resources} in ${plain.stacks} stacks (largest ${plain.maxStackResources}); ` +
          `whole process ours ${formatMs(samples.ours.wallMs)}, plain ${formatMs(samples.plain.wallMs)}`,
      );
      if (n === plan[plan.length - 1]!.n) {
        notes.push(`resource types at N=${n}, ours: ${typeCounts(ours.types)}`);
        notes.push(`resource types at N=${n}, plain: ${typeCounts(plain.types)}`);
      }
    }
    const validationN = 10;
    const validationRepeats = context.quick ? 1 : 2;
    const withValidation: Record<Variant, Samples> = { ours: new Samples(), plain: new Samples() };
    interleave<Variant>(['plain', 'ours'], validationRepeats, (variant) => {
      const { run, result } = runSynthChild(
        context,
        ['--variant', variant, '--services', String(validationN)],
        true,
      );
      withValidation[variant].add(run, result.constructMs + result.synthMs);
    });
    rows.push(
      comparisonRow(
        'synth, validation on',
        validationN,
        withValidation.plain,
        withValidation.ours,
        {
          target: '(reported)',
        },
      ),
    );
    const large = points.filter((p) => p.x >= 100);
    const slope = logLogSlope(large.length >= 2 ? large : points);
    checks.push({
      what: `ours is linear in N: log-log slope of synth time vs services over N >= ${large.length >= 2 ? 100 : plan[0]!.n} is ${slope.toFixed(2)} (target <= 1.05)`,
      pass: slope <= 1.05,
    });
    notes.push(`log-log slope of ours over all sizes: ${logLogSlope(points).toFixed(2)}`);
    checks.push({
      what: `largest generated stack holds ${maxPerStack} resources, under CloudFormation's ${CFN_MAX_RESOURCES} (ContinuityStacks fails synthesis above 450)`,
      pass: maxPerStack < CFN_MAX_RESOURCES,
    });
    return {
      name: 'synth',
      title: 'Constructs vs hand-written: synthesis of N protected services',
      description: [
        '**Measured**: in a fresh child process, the time to build the construct tree and run `app.synth()` ' +
          '(module loading excluded, it is the same for both; whole-process times are in the notes), and peak RSS. ' +
          'N services, tiers gold, silver and bronze in turn, each a DynamoDB table and an S3 bucket, 10 services per stack.',
        '- *ours*: `ContinuityStacks` from a generated spec (`parseSpec`, planning and `addServices()` are timed);',
        '- *baseline*: `bench/plain-cdk-app.ts`, the same resources written with aws-cdk-lib L2 constructs ' +
          '(TableV2 with PITR and a replica, versioned buckets with L2 `replicationRules` and RTC into replica buckets in the ' +
          'recovery Region, vaults with keys, per tier the same backup plans and tag selections, SNS topic, job event rules, ' +
          'replication alarms and per-service dashboards, restore-testing plans and selections with their restore-time alarms, ' +
          'AWS FIS drill templates with their roles, same stack layout with cross-Region references). Resource counts per ' +
          'type of both are in the notes; property values differ in details (descriptions, names, vault access policies).',
        '**Targets**: ours <= 1.2x the baseline at N = 200 and 500 with `CDK_VALIDATION=false` (replication destinations follow the service groups, so every stack stays under 500 resources at any N); log-log slope of time vs N <= 1.05; ' +
          "one run with aws-cdk-lib's CloudFormation validation on at a small N is reported, not gated; every stack under 500 resources.",
      ].join('\n'),
      rows,
      notes,
      checks,
    };
  },
};
