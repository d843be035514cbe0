import { formatMs } from './stats';
import { Samples, interleave } from './suite';
import { runSynthChild } from './synth-suite';
import type { BenchContext, Suite, SuiteResult } from './suite';

type Variant = 'none' | 'ours' | 'aws';

/** `ContinuityChecks` against cdk-nag's `AwsSolutionsChecks` on the same `ContinuityStacks` app. */
export const nagSuite: Suite = {
  name: 'nag',
  run(context: BenchContext): SuiteResult {
    const n = context.quick ? 20 : 100;
    // the pack costs ~0.1 s of a 2–3.5 s synthesis: seven runs each keep the medians steady
    const repeats = context.quick ? 2 : 7;
    const samples: Record<Variant, Samples> = {
      none: new Samples(),
      ours: new Samples(),
      aws: new Samples(),
    };
    // the packs' own `validate` time, measured inside the child: the difference of two ~3 s
    // medians above is noisier than the ~0.1 s it measures
    const validate = { ours: new Samples(), aws: new Samples() };
    const errors: string[] = [];
    interleave<Variant>(['none', 'ours', 'aws'], repeats, (variant) => {
      const { run, result } = runSynthChild(
        context,
        ['--variant', 'ours', '--services', String(n), '--nag', variant],
        false,
      );
      samples[variant].add(run, result.constructMs + result.synthMs);
      if (variant !== 'none') {
        validate[variant].add(run, result.packMs);
      }
      // the message names the temporary cdk.out; keep its first sentence only
      const error = result.synthError?.split('.')[0];
      if (error && !errors.includes(`${variant}: ${error}`)) {
        errors.push(`${variant}: ${error}`);
      }
    });
    const none = samples.none.ms;
    const costOurs = samples.ours.ms - none;
    const costAws = samples.aws.ms - none;
    const ratio = costOurs / costAws;
    const validateRatio = validate.ours.ms / validate.aws.ms;
    context.log(
      `nag: none ${formatMs(none)}, ours +${formatMs(costOurs)}, AwsSolutions +${formatMs(costAws)}; ` +
        `validate ours ${formatMs(validate.ours.ms)}, AwsSolutions ${formatMs(validate.aws.ms)}`,
    );
    return {
      name: 'nag',
      title: 'Policy pack: `ContinuityChecks` vs cdk-nag `AwsSolutionsChecks`',
      description: [
        `**Measured**: construct + \`app.synth()\` time of the synth suite's \`ContinuityStacks\` app with ${n} services, ` +
          "in fresh child processes, with no pack (*none*), with `ContinuityChecks` (policies/cdk-nag) and with cdk-nag's " +
          '`AwsSolutionsChecks`, each registered with `Validations.of(app).addPlugins(...)`; `CDK_VALIDATION=false`.',
        "**Cost** of a pack = t(pack) − t(none), and the time spent inside the pack's `validate` (timed in the child " +
          'around each plugin; it leaves out what aws-cdk-lib does with the violations afterwards, such as writing its ' +
          'report, which is larger for AwsSolutionsChecks). **Target**: cost(ContinuityChecks) <= 0.5 × ' +
          'cost(AwsSolutionsChecks), gated on the `validate` times: the difference of two ~3 s synthesis medians swings ' +
          'more from run to run than the ~0.1 s it measures (it is reported beside).',
      ].join('\n'),
      rows: [
        {
          scenario: 'pack validate time: ContinuityChecks vs AwsSolutionsChecks',
          n,
          baselineMs: validate.aws.ms,
          oursMs: validate.ours.ms,
          ratio: validateRatio,
          target: '<= 0.5x',
          pass: validateRatio <= 0.5,
          baselineRssKb: samples.aws.rssKb,
          oursRssKb: samples.ours.rssKb,
          runs: repeats,
        },
        {
          scenario: 'pack cost t(pack) − t(none): ContinuityChecks vs AwsSolutionsChecks',
          n,
          baselineMs: costAws,
          oursMs: costOurs,
          ratio,
          target: '(reported)',
          baselineRssKb: samples.aws.rssKb,
          oursRssKb: samples.ours.rssKb,
          runs: repeats,
        },
      ],
      notes: [
        `t(none) ${formatMs(none)}, t(ContinuityChecks) ${formatMs(samples.ours.ms)}, t(AwsSolutionsChecks) ` +
          `${formatMs(samples.aws.ms)} (medians); peak RSS none ${Math.round(samples.none.rssKb / 1024)} MB`,
        ...errors.map(
          (e) =>
            `\`app.synth()\` threw with pack ${e} (error-level findings; the time up to the throw is measured)`,
        ),
      ],
      checks: [],
    };
  },
};
