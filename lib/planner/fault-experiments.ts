import { TAG_SERVICE, TAG_TIER } from '../model';
import type { AlarmSignal, Disruption, ServicePlan } from '../model';
import { drillAvailabilityZone, fisActionParameters, fisActionTarget } from './plan-drills';

/** One target of an experiment, backend-neutral (renderers only change the casing). */
export interface ExperimentTargetShape {
  readonly name: string;
  readonly resourceType: string;
  /** Tags a resource must carry: the service's `continuity:service` tag. */
  readonly resourceTags: Readonly<Record<string, string>>;
  readonly selectionMode: 'ALL';
  readonly filters: readonly { readonly path: string; readonly values: readonly string[] }[];
  readonly parameters: Readonly<Record<string, string>>;
}

/** One action of an experiment. */
export interface ExperimentActionShape {
  readonly name: string;
  readonly actionId: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, string>>;
  /** Target key (fixed per action by AWS FIS) and the target name it points to. */
  readonly targetKey: string;
  readonly targetName: string;
}

/** One FIS experiment template: the planned actions of one disruption, run together. */
export interface ExperimentShape {
  readonly disruption: Disruption;
  readonly description: string;
  readonly targets: readonly ExperimentTargetShape[];
  readonly actions: readonly ExperimentActionShape[];
  /** Alarm signals whose alarms stop the experiment. */
  readonly stopOnSignals: readonly AlarmSignal[];
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * FIS quota: stop conditions per experiment template.
 * https://docs.aws.amazon.com/fis/latest/userguide/fis-quotas.html
 */
export const MAX_STOP_CONDITIONS = 5;

/**
 * Managed policies AWS FIS needs per action (under `service-role/`), from the AWS managed
 * policies for AWS FIS (https://docs.aws.amazon.com/fis/latest/userguide/security-iam-awsmanpol.html).
 */
const MANAGED_POLICY: Readonly<Record<string, string>> = {
  'aws:network:disrupt-connectivity': 'AWSFaultInjectionSimulatorNetworkAccess',
  'aws:network:route-table-disrupt-cross-region-connectivity':
    'AWSFaultInjectionSimulatorNetworkAccess',
  'aws:ec2:stop-instances': 'AWSFaultInjectionSimulatorEC2Access',
  'aws:rds:reboot-db-instances': 'AWSFaultInjectionSimulatorRDSAccess',
  'aws:rds:failover-db-cluster': 'AWSFaultInjectionSimulatorRDSAccess',
};

/**
 * Permissions of actions no managed policy covers, from the AWS FIS actions reference
 * (https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html).
 */
const INLINE_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'aws:dynamodb:global-table-pause-replication': [
    'dynamodb:PutResourcePolicy',
    'dynamodb:DeleteResourcePolicy',
    'dynamodb:GetResourcePolicy',
    'dynamodb:DescribeTable',
    'tag:GetResources',
  ],
  'aws:s3:bucket-pause-replication': [
    's3:PutReplicationConfiguration',
    's3:GetReplicationConfiguration',
    's3:PauseReplication',
    's3:ListAllMyBuckets',
    'tag:GetResources',
  ],
};

/** What the FIS role of a service needs: managed policy names and extra IAM actions. */
export function fisPermissions(actions: readonly string[]): {
  managedPolicies: string[];
  inlineActions: string[];
} {
  return {
    managedPolicies: [
      ...new Set(actions.flatMap((a) => (MANAGED_POLICY[a] ? [MANAGED_POLICY[a]!] : []))),
    ].sort(),
    inlineActions: [...new Set(actions.flatMap((a) => INLINE_ACTIONS[a] ?? []))].sort(),
  };
}

/** `aws:network:disrupt-connectivity` → `disrupt-connectivity`. */
function shortName(action: string): string {
  return action.split(':').pop() ?? action;
}

/**
 * The FIS experiment templates of a service: one per disruption with planned drills, each
 * running its actions together on the resources tagged `continuity:service=<service>`. AZ drills
 * are narrowed to one Availability Zone (subnets by the `availabilityZoneIdentifier` target
 * parameter, instances by a `Placement.AvailabilityZone` filter); targets that resolve to nothing
 * are skipped at run time (the renderers set `emptyTargetResolutionMode: skip`).
 */
export function experimentShapes(
  plan: ServicePlan,
  availabilityZone = drillAvailabilityZone(plan.regions),
): ExperimentShape[] {
  const byDisruption = new Map<Disruption, ServicePlan['faultInjection'][number][]>();
  for (const spec of plan.faultInjection) {
    byDisruption.set(spec.disruption, [...(byDisruption.get(spec.disruption) ?? []), spec]);
  }
  return [...byDisruption.entries()].map(([disruption, specs]) => {
    const targets: ExperimentTargetShape[] = [];
    const actions: ExperimentActionShape[] = [];
    for (const spec of specs) {
      const target = fisActionTarget(spec.action);
      const name = shortName(spec.action);
      const targetName = `${name}-targets`;
      targets.push({
        name: targetName,
        resourceType: target.resourceType,
        resourceTags: { [TAG_SERVICE]: plan.service },
        selectionMode: 'ALL',
        filters:
          disruption === 'az' && target.zonal === 'instance-filter'
            ? [{ path: 'Placement.AvailabilityZone', values: [availabilityZone] }]
            : [],
        parameters:
          disruption === 'az' && target.zonal === 'subnet-parameter'
            ? { availabilityZoneIdentifier: availabilityZone }
            : {},
      });
      actions.push({
        name,
        actionId: spec.action,
        description: `continuity-kit ${disruption} drill of ${plan.service}: ${spec.action}`,
        parameters: fisActionParameters(spec, plan.regions),
        targetKey: target.key,
        targetName,
      });
    }
    const signals = new Set(specs.flatMap((s) => s.stopOnSignals ?? []));
    const where =
      disruption === 'az'
        ? ` in ${availabilityZone}`
        : disruption === 'region'
          ? ` from ${plan.regions.recovery}`
          : '';
    return {
      disruption,
      description: `continuity-kit: ${disruption} disruption drill of ${plan.service} (tier ${plan.tier})${where}`,
      targets,
      actions,
      stopOnSignals: [...signals],
      tags: {
        [TAG_SERVICE]: plan.service,
        [TAG_TIER]: plan.tier,
        Name: `${plan.service}-${disruption}-drill`,
      },
    };
  });
}
