import { App } from 'aws-cdk-lib';

import { buildApp, SPEC_CONTEXT_KEY } from '../../bin/cdk-app';
import { buildExample, defaultSpecPath } from '../../bin/pulumi-app';
import { assess } from '../../lib/engine';
import { inventoryFromTemplates } from '../../lib/inventory';
import { inventoryFromPulumi } from '../../lib/inventory/pulumi';
import { DISRUPTIONS } from '../../lib/model';
import type { Assessment, ContinuitySpec } from '../../lib/model';
import { loadSpec } from '../../lib/spec';
import { recordsUnderMocks } from '../lib/inventory/pulumi/records-under-mocks';

const TODAY = new Date('2026-11-21');

/** One line per service and disruption: the verdict and the achieved RTO/RPO. */
function verdicts(assessment: Assessment): string[] {
  return assessment.services.flatMap((s) => [
    `${s.name}: met=${s.met}`,
    ...DISRUPTIONS.filter((d) => s.achieved[d] !== undefined).map((d) => {
      const a = s.achieved[d];
      return `${s.name} ${d}: rto=${a?.rtoSeconds ?? 'none'}s rpo=${a?.rpoSeconds ?? 'none'}s`;
    }),
  ]);
}

/** The lines that differ, as `- cdk` / `+ pulumi`, for a readable failure. */
function diff(cdk: readonly string[], pulumi: readonly string[]): string[] {
  return [
    ...cdk.filter((l) => !pulumi.includes(l)).map((l) => `- cdk:    ${l}`),
    ...pulumi.filter((l) => !cdk.includes(l)).map((l) => `+ pulumi: ${l}`),
  ];
}

/**
 * The example shop of examples/continuity.yaml, built by the CDK app (template inventory) and by
 * the Pulumi program (mocked inventory), must get the same verdict and the same achieved RTO/RPO
 * per service and disruption: a difference is a bug in one of the renderers or readers.
 */
describe('CDK and Pulumi parity on the example shop', () => {
  let spec: ContinuitySpec;
  let cdk: Assessment;
  let pulumi: Assessment;

  beforeAll(async () => {
    const specPath = defaultSpecPath();
    spec = loadSpec(specPath, { now: TODAY });
    // the CDK CLI turns path metadata on (spec logical ids match construct path segments); do the same
    const app = new App({
      context: { [SPEC_CONTEXT_KEY]: specPath, 'aws:cdk:enable-path-metadata': true },
    });
    buildApp(app);
    const templates = app.synth().stacks.map((s) => ({
      stack: s.stackName,
      region: s.environment.region,
      template: s.template as unknown,
    }));
    cdk = assess(spec, inventoryFromTemplates(templates), { today: TODAY });
    const run = await recordsUnderMocks(() => buildExample(specPath));
    const inventory = inventoryFromPulumi(run.records, {
      stack: 'test',
      defaultRegion: spec.regions.primary,
    });
    pulumi = assess(spec, inventory, { today: TODAY });
  }, 300_000);

  test('both assess every declared service and disruption', () => {
    // GIVEN
    const declared = spec.services.map((s) => s.name);
    // WHEN / THEN
    expect(cdk.services.map((s) => s.name)).toEqual(declared);
    expect(pulumi.services.map((s) => s.name)).toEqual(declared);
    expect(verdicts(cdk).length).toBeGreaterThan(declared.length * 3);
  });

  test('every service gets the same verdict and achieved RTO/RPO per disruption', () => {
    // GIVEN / WHEN
    const differences = diff(verdicts(cdk), verdicts(pulumi));
    // THEN
    expect(differences).toEqual([]);
  });

  test('both report the same error rules per service', () => {
    // GIVEN
    const errors = (a: Assessment): string[] =>
      a.services.flatMap((s) => [
        ...new Set(
          s.findings
            .filter((f) => f.severity === 'error' && !f.suppressed)
            .map((f) => `${s.name} ${f.rule} ${f.disruption ?? ''}`),
        ),
      ]);
    // WHEN
    const differences = diff(errors(cdk), errors(pulumi));
    // THEN
    expect(differences).toEqual([]);
  });
});
