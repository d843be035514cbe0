#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ContinuityStacks, acknowledgeExampleFindings } from '../constructs/cdk';
import { loadSpec } from '../lib/spec';

/** Context key naming the spec file (cdk.json sets `examples/continuity.yaml`). */
export const SPEC_CONTEXT_KEY = 'continuity:spec';

/** Builds the example shop from the spec named by the `continuity:spec` context value. */
export function buildApp(app: App = new App()): { app: App; shop: ContinuityStacks } {
  const specFile: unknown = app.node.tryGetContext(SPEC_CONTEXT_KEY);
  if (typeof specFile !== 'string' || specFile === '') {
    throw new Error(
      `context '${SPEC_CONTEXT_KEY}' is ${JSON.stringify(specFile)}; ` +
        `pass -c ${SPEC_CONTEXT_KEY}=path/to/continuity.yaml or set it in cdk.json`,
    );
  }
  const shop = new ContinuityStacks(app, 'Shop', {
    spec: loadSpec(specFile),
    account: process.env.CDK_DEFAULT_ACCOUNT,
  });
  shop.addServices();
  acknowledgeExampleFindings(shop);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, shop };
}

if (require.main === module) {
  buildApp().app.synth();
}
