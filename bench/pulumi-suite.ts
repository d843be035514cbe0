import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { lastJsonLine, runProcess } from './measure';
import { formatMs, logLogSlope } from './stats';
import { Samples, comparisonRow, interleave } from './suite';
import type { PulumiRunResult } from './pulumi-child';
import type { BenchContext, BenchRow, Suite, SuiteResult } from './suite';

type Variant = 'ours' | 'plain';

/** Pulumi `ContinuityStacks` under mocks against the same plain @pulumi/aws resources. */
export const pulumiSuite: Suite = {
  name: 'pulumi',
  run(context: BenchContext): SuiteResult {
    const plan = context.quick
      ? [
          { n: 10, repeats: 2 },
          { n: 30, repeats: 2 },
        ]
      : [
          { n: 10, repeats: 3 },
          { n: 50, repeats: 5 },
          { n: 100, repeats: 5 },
        ];
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    const points: { x: number; y: number }[] = [];
    const failures: { what: string; pass: boolean }[] = [];
    for (const { n, repeats } of plan) {
      const recording = join(context.workDir, `pulumi-${n}.json`);
      const child = (
        variant: Variant,
      ): { run: ReturnType<typeof runProcess>; result: PulumiRunResult } => {
        const run = runProcess(
          process.execPath,
          [
            join(context.root, 'dist', 'bench', 'pulumi-child.js'),
            '--variant',
            variant,
            '--services',
            String(n),
            '--recording',
            recording,
          ],
          { cwd: context.root },
        );
        return { run, result: lastJsonLine<PulumiRunResult>(run.stdout) };
      };
      // ours first, untimed: it writes the recording the baseline replays
      mkdirSync(context.workDir, { recursive: true });
      let first: PulumiRunResult;
      try {
        first = child('ours').result;
      } catch (error) {
        // e.g. the heap running out: report it and skip the larger sizes
        const message = (error as Error).message;
        const reason = /heap out of memory/.test(message)
          ? 'JavaScript heap out of memory (default heap limit)'
          : message.slice(0, 300);
        context.log(`pulumi: N=${n} ours failed: ${reason}`);
        failures.push({
          what: `N=${n}: ours failed to register under mocks: ${reason}`,
          pass: false,
        });
        break;
      }
      const samples: Record<Variant, Samples> = { ours: new Samples(), plain: new Samples() };
      let plainResources = 0;
      interleave<Variant>(['plain', 'ours'], repeats, (variant) => {
        const { run, result } = child(variant);
        samples[variant].add(run, result.ms);
        if (variant === 'plain') plainResources = result.resources;
      });
      context.log(
        `pulumi: N=${n} plain ${formatMs(samples.plain.ms)}, ours ${formatMs(samples.ours.ms)}`,
      );
      rows.push(
        comparisonRow(
          'register under mocks',
          n,
          samples.plain,
          samples.ours,
          n >= 50
            ? { target: '<= 1.2x', passes: (ratio) => ratio <= 1.2 }
            : { target: '(reported)' },
        ),
      );
      points.push({ x: n, y: samples.ours.ms });
      notes.push(
        `N=${n}: ours registers ${first.resources} custom resources and ${first.components} components, plain ` +
          `${plainResources} custom resources; whole process ours ${formatMs(samples.ours.wallMs)}, plain ${formatMs(samples.plain.wallMs)}`,
      );
    }
    notes.push(`log-log slope of ours vs services: ${logLogSlope(points).toFixed(2)}`);
    return {
      name: 'pulumi',
      title: 'Pulumi: `ContinuityStacks` under mocks vs plain @pulumi/aws',
      description: [
        '**Measured**: in a fresh child process under `pulumi.runtime.setMocks` (mocks echo inputs and add an ARN, as the ' +
          'test harness does), the time from the start of the program until every registration has finished ' +
          '(`runtime.waitForRPCs`), and peak RSS. N services as in the synth suite (a table and a bucket, gold/silver/bronze).',
        '- *ours*: `parseSpec`, `planContinuity` and `new ContinuityStacks(...)` from constructs/pulumi;',
        '- *baseline*: the very same custom resources (type, name, inputs, provider), recorded from ours in an untimed run, ' +
          'created directly with the `@pulumi/aws` classes in the same order, with no component resources; an input equal ' +
          "to an earlier resource's mocked id, ARN or name is passed as that resource's output, and one with such values " +
          'inside it (a JSON policy or dashboard naming ARNs: 136 inputs at N = 100) is built from those outputs with ' +
          '`pulumi.interpolate`, as a hand-written program must (until 2026-12-07 the baseline passed those as literal text, ' +
          'which no program can know before the resources exist); so dependencies are kept. Which inputs refer to what is ' +
          'worked out before the timed run (`bench/pulumi-replay.ts`); a check run found every replayed input equal to ours.',
        '**Target**: ours <= 1.2x the baseline (gated at N >= 50, where fixed start-up costs no longer dominate).',
      ].join('\n'),
      rows,
      notes,
      checks: failures,
    };
  },
};
