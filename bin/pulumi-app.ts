import { existsSync } from 'node:fs';
import * as path from 'node:path';

import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import { ContinuityStacks } from '../constructs/pulumi';
import type { StandbyDns, StandbyNetwork } from '../constructs/pulumi';
import type { ContinuityPlan, ContinuitySpec } from '../lib/model';
import { planContinuity } from '../lib/planner';
import { loadSpec } from '../lib/spec';

/** Name of the top-level component (and prefix of every child name). */
export const EXAMPLE_NAME = 'shop';

/** The example spec, found from the source tree (`bin/`) or the build output (`dist/bin/`). */
export function defaultSpecPath(): string {
  const candidates = [
    path.resolve(__dirname, '..', 'examples', 'continuity.yaml'),
    path.resolve(__dirname, '..', '..', 'examples', 'continuity.yaml'),
  ];
  return candidates.find((c) => existsSync(c)) ?? (candidates[0] as string);
}

/** What {@link buildExample} created. */
export interface Example {
  readonly spec: ContinuitySpec;
  readonly plan: ContinuityPlan;
  readonly stacks: ContinuityStacks;
}

/** A VPC with one private subnet per AZ suffix, for the example's ECS services and groups. */
function exampleNetwork(
  prefix: string,
  region: string,
  provider: aws.Provider,
  zoneSuffixes: readonly string[],
): StandbyNetwork {
  const vpc = new aws.ec2.Vpc(
    `${prefix}-vpc`,
    { region, cidrBlock: '10.0.0.0/16', enableDnsHostnames: true },
    { provider },
  );
  const subnets = zoneSuffixes.map(
    (suffix, i) =>
      new aws.ec2.Subnet(
        `${prefix}-subnet-${suffix}`,
        {
          region,
          vpcId: vpc.id,
          cidrBlock: `10.0.${i}.0/24`,
          availabilityZone: `${region}${suffix}`,
        },
        { provider },
      ),
  );
  return { subnetIds: subnets.map((s) => s.id) };
}

/**
 * The example program: the shop of `examples/continuity.yaml`, planned and rendered with
 * {@link ContinuityStacks}.
 *
 * Besides the spec it creates what a real account would already have: a VPC with two subnets
 * per Region (AZ suffixes from config `availabilityZoneSuffixes`, default `a` and `b`) and a
 * hosted zone (config `domain`, default `shop.example.com`) whose failover records point at
 * placeholder endpoints `<service>-<region>.<domain>`; replace them with your load balancers.
 */
export function buildExample(specPath: string = defaultSpecPath()): Example {
  const config = new pulumi.Config();
  const domain = config.get('domain') ?? 'shop.example.com';
  const zoneSuffixes = config.getObject<string[]>('availabilityZoneSuffixes') ?? ['a', 'b'];

  const spec = loadSpec(specPath);
  const plan = planContinuity(spec);
  const { primary, recovery } = plan.regions;
  const primaryProvider = new aws.Provider(`${EXAMPLE_NAME}-primary`, { region: primary });
  const recoveryProvider = new aws.Provider(`${EXAMPLE_NAME}-recovery`, { region: recovery });

  const zone = new aws.route53.Zone(
    `${EXAMPLE_NAME}-zone`,
    { name: domain, comment: 'continuity-kit example' },
    { provider: primaryProvider },
  );
  const dns: Record<string, StandbyDns> = {};
  for (const service of plan.services.filter((s) => s.failover !== undefined)) {
    dns[service.service] = {
      zoneId: zone.zoneId,
      recordName: `${service.service}.${domain}`,
      primaryEndpoint: `${service.service}-${primary}.${domain}`,
      recoveryEndpoint: `${service.service}-${recovery}.${domain}`,
    };
  }

  const stacks = new ContinuityStacks(EXAMPLE_NAME, {
    spec,
    plan,
    primaryProvider,
    recoveryProvider,
    network: {
      primary: exampleNetwork(`${EXAMPLE_NAME}-primary`, primary, primaryProvider, zoneSuffixes),
      recovery: exampleNetwork(
        `${EXAMPLE_NAME}-recovery`,
        recovery,
        recoveryProvider,
        zoneSuffixes,
      ),
    },
    dns,
  });
  return { spec, plan, stacks };
}

// `pulumi up` runs this module with an engine (PULUMI_NODEJS_MONITOR set); importing it from
// tests only defines buildExample.
const example = process.env.PULUMI_NODEJS_MONITOR ? buildExample() : undefined;

/** Vault ARNs per tier in the primary Region (stack output). */
export const vaultArns = example
  ? Object.fromEntries(Object.entries(example.stacks.tiers).map(([t, r]) => [t, r.vault.vaultArn]))
  : undefined;

/** Vault ARNs per tier in the recovery Region (stack output). */
export const recoveryVaultArns = example
  ? Object.fromEntries(
      Object.entries(example.stacks.tiers).map(([t, r]) => [t, r.recoveryVault.vaultArn]),
    )
  : undefined;
