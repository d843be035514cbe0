#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CONTINUITY_NAG_REASONS, ContinuityStacks, NagAcknowledgements } from '../constructs/cdk';
import type { NagReason } from '../constructs/cdk';
import { loadSpec } from '../lib/spec';
import { ContinuityChecks } from '../policies/cdk-nag';

/** Context key naming the spec file (cdk.json sets `examples/continuity.yaml`). */
export const SPEC_CONTEXT_KEY = 'continuity:spec';

/** Context key naming the example's hosted zone (default {@link DEFAULT_DOMAIN}). */
export const DOMAIN_CONTEXT_KEY = 'continuity:domain';

/** Context key of aws-cdk-lib that writes each resource's construct path into its template. */
const PATH_METADATA_CONTEXT_KEY = 'aws:cdk:enable-path-metadata';

/** Domain of the example's hosted zone, as in the Pulumi example (`bin/pulumi-app.ts`). */
export const DEFAULT_DOMAIN = 'shop.example.com';

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
    rulePrefix:
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    pathPattern: /\/ServiceRole\/Resource$/,
    reason:
      'AWSLambdaBasicExecutionRole only lets the example function write its own CloudWatch logs',
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
  // ContinuityChecks matches the spec's logical ids against construct paths, which the CDK CLI
  // writes into the templates; an App synthesized in process writes them only when asked.
  if (
    app.node.tryGetContext(PATH_METADATA_CONTEXT_KEY) === undefined &&
    app.node.children.length === 0
  ) {
    app.node.setContext(PATH_METADATA_CONTEXT_KEY, true);
  }
  const domainContext: unknown = app.node.tryGetContext(DOMAIN_CONTEXT_KEY);
  const domain =
    typeof domainContext === 'string' && domainContext !== '' ? domainContext : DEFAULT_DOMAIN;
  const shop = new ContinuityStacks(app, 'Shop', {
    spec: loadSpec(specFile),
    account: process.env.CDK_DEFAULT_ACCOUNT,
  });
  // What a real account would already have: a hosted zone, and an endpoint per service and
  // Region. The endpoints are placeholders `<service>-<region>.<domain>` (as in the Pulumi
  // example); replace them with your load balancers or API domain names. The zone lives in the
  // primary stack, next to the health checks whose metrics Route 53 publishes in us-east-1.
  const zone = new route53.PublicHostedZone(shop.primaryStack, 'Zone', {
    zoneName: domain,
    comment: 'continuity-kit example',
  });
  const { primary, recovery } = shop.plan.regions;
  for (const service of shop.plan.services) {
    shop.addService(
      service.service,
      service.failover
        ? {
            endpoint: {
              zone,
              recordName: `${service.service}.${domain}`,
              primaryDomainName: `${service.service}-${primary}.${domain}`,
              recoveryDomainName: `${service.service}-${recovery}.${domain}`,
              healthCheckPath: '/health',
            },
          }
        : {},
    );
  }
  // Acknowledgements are recorded when validation runs, once cross-Region references (which
  // appear in IAM5 finding ids) are resolved; the acknowledging plugin must come first.
  // ContinuityChecks runs continuity-kit's own rules: synth fails on any error-level finding.
  Validations.of(app).addPlugins(
    new NagAcknowledgements(new AwsSolutionsChecks(), [
      ...CONTINUITY_NAG_REASONS,
      ...EXAMPLE_NAG_REASONS,
    ]),
    new AwsSolutionsChecks(app),
    new ContinuityChecks(app, { spec: shop.spec }),
  );
  return { app, shop };
}

if (require.main === module) {
  buildApp().app.synth();
}
