import { App } from 'aws-cdk-lib';

import { buildApp, SPEC_CONTEXT_KEY } from '../../bin/cdk-app';
import { defaultSpecPath } from '../../bin/pulumi-app';
import { inventoryFromTemplates } from '../../lib/inventory';
import { DISRUPTIONS } from '../../lib/model';
import type { Assessment, Inventory } from '../../lib/model';

/** Date the example's drills and reviews are judged on in tests. */
export const EXAMPLE_TODAY = new Date('2026-11-21');

/** The example spec file (`examples/continuity.yaml`). */
export const EXAMPLE_SPEC = defaultSpecPath();

/**
 * Synthesizes the example CDK app in process and reads its templates into an inventory, as
 * `continuity check cdk.out` does. The CDK CLI turns path metadata on (spec logical ids match
 * construct path segments); so does this.
 */
export function exampleCdkInventory(specPath: string = EXAMPLE_SPEC): Inventory {
  const app = new App({
    context: { [SPEC_CONTEXT_KEY]: specPath, 'aws:cdk:enable-path-metadata': true },
  });
  buildApp(app);
  const templates = app.synth().stacks.map((s) => ({
    stack: s.stackName,
    region: s.environment.region,
    template: s.template as unknown,
  }));
  return inventoryFromTemplates(templates);
}

/** One line per service and disruption: the verdict and the achieved RTO/RPO. */
export function verdicts(assessment: Assessment): string[] {
  return assessment.services.flatMap((s) => [
    `${s.name}: met=${s.met}`,
    ...DISRUPTIONS.filter((d) => s.achieved[d] !== undefined).map((d) => {
      const a = s.achieved[d];
      return `${s.name} ${d}: rto=${a?.rtoSeconds ?? 'none'}s rpo=${a?.rpoSeconds ?? 'none'}s`;
    }),
  ]);
}
