#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CONTINUITY_NAG_REASONS, ContinuityStacks, NagAcknowledgements } from '../constructs/cdk';
import type { NagReason } from '../constructs/cdk';
import { loadSpec } from '../lib/spec';

/** Context key naming the spec file (cdk.json sets `examples/continuity.yaml`). */
export const SPEC_CONTEXT_KEY = 'continuity:spec';

/** Findings the example shop's own resources raise, each accepted for the reason given. */
export const EXAMPLE_NAG_REASONS: readonly NagReason[] = [
  {
    rulePrefix: 'AwsSolutions-SMG4',
    pathPattern: /\/Secret\/Resource$/,
    reason:
      'the example databases sit in isolated subnets with no route to Secrets Manager, so a rotation ' +
      'Lambda could not reach either; production apps add rotation with a VPC endpoint',
  },
  {
    rulePrefix: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    pathPattern: /\/ServiceRole\/Resource$/,
    reason: 'AWSLambdaBasicExecutionRole only lets the example function write its own CloudWatch logs',
  },
  {
    rulePrefix: 'AwsSolutions-AS3',
    pathPattern: /\/ASG$/,
    reason:
      'scaling events are not continuity signals: the plan fixes the capacity, and continuity-kit ' +
      'alarms on backup, replication and health checks instead',
  },
  {
    rulePrefix: 'AwsSolutions-RDS3',
    pathPattern: /\/CatalogDatabase\/Resource$/,
    reason:
      'catalog is a silver service: its tier accepts restoring from point-in-time recovery after an ' +
      'AZ loss (az RTO 2 h), so the plan keeps the instance single-AZ to save the standby cost',
  },
];

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
  // Acknowledgements are recorded when validation runs, once cross-Region references (which
  // appear in IAM5 finding ids) are resolved; the acknowledging plugin must come first.
  Validations.of(app).addPlugins(
    new NagAcknowledgements(new AwsSolutionsChecks(), [...CONTINUITY_NAG_REASONS, ...EXAMPLE_NAG_REASONS]),
    new AwsSolutionsChecks(app),
  );
  return { app, shop };
}

if (require.main === module) {
  buildApp().app.synth();
}
