import type { Strategy } from '../model/disruption';
import type { ComputePlan, FailoverPlan } from '../model/plan';
import { placeholder } from './procedure-step';
import type { ProcedureContext, ProcedureStep } from './procedure-step';

function scaleCommand(
  compute: ComputePlan,
  ctx: ProcedureContext,
  region: string,
  count: number,
): string[] {
  const id = placeholder(compute.resource, ctx.service);
  switch (compute.resource.kind) {
    case 'ecs':
      return [
        `aws ecs update-service --region ${region} --cluster ${placeholder(compute.resource, ctx.service, ' cluster')} --service ${id} --desired-count ${count}`,
        `aws ecs wait services-stable --region ${region} --cluster ${placeholder(compute.resource, ctx.service, ' cluster')} --services ${id}`,
      ];
    case 'asg':
      return [
        `aws autoscaling update-auto-scaling-group --region ${region} --auto-scaling-group-name ${id} --min-size ${count} --desired-capacity ${count}`,
      ];
    default:
      return [`aws lambda get-function-concurrency --region ${region} --function-name ${id}`];
  }
}

/** Steps for compute when an Availability Zone is lost: shift away from it, keep full capacity. */
export function computeAzSteps(compute: ComputePlan, ctx: ProcedureContext): ProcedureStep[] {
  const id = placeholder(compute.resource, ctx.service);
  const region = ctx.regions.primary;
  if (compute.resource.kind === 'lambda') {
    return [
      { title: `Nothing to do for ${id}: Lambda runs in several Availability Zones`, commands: [] },
    ];
  }
  const steps: ProcedureStep[] = [
    {
      title: `Shift load balancer traffic for ${id} away from the lost Availability Zone (zonal shift)`,
      commands: [
        `aws arc-zonal-shift start-zonal-shift --region ${region} --resource-identifier <load balancer ARN> --away-from <lost AZ id, e.g. use1-az1> --expires-in 4h --comment "${ctx.service} AZ recovery"`,
      ],
    },
  ];
  if (compute.resource.kind === 'asg') {
    steps.push({
      title: `Keep ${compute.primaryCapacity} instances of ${id} running in the healthy Availability Zones`,
      commands: [
        `aws autoscaling update-auto-scaling-group --region ${region} --auto-scaling-group-name ${id} --vpc-zone-identifier <subnets of the healthy AZs> --desired-capacity ${compute.primaryCapacity}`,
      ],
    });
  } else {
    steps.push({
      title: `Keep ${compute.primaryCapacity} tasks of ${id} running in the healthy Availability Zones`,
      commands: scaleCommand(compute, ctx, region, compute.primaryCapacity),
    });
  }
  return steps;
}

/** Steps for compute when the primary Region is lost, by strategy. */
export function computeRegionSteps(
  compute: ComputePlan,
  strategy: Strategy,
  ctx: ProcedureContext,
): ProcedureStep[] {
  const id = placeholder(compute.resource, ctx.service);
  const recovery = ctx.regions.recovery;
  if (strategy === 'backup-restore' || compute.recoveryCapacity === undefined) {
    return [
      {
        title: `Deploy ${id} into ${recovery} from code with ${compute.primaryCapacity} running`,
        detail:
          'nothing runs in the recovery Region: the stacks are deployed there from the same code',
        commands: [
          `npx cdk deploy <${ctx.service} stacks> --context region=${recovery}   # or: pulumi up --stack <${recovery} stack>`,
          ...scaleCommand(compute, ctx, recovery, compute.primaryCapacity),
        ],
      },
    ];
  }
  const target =
    strategy === 'active-active'
      ? compute.primaryCapacity + compute.recoveryCapacity
      : compute.primaryCapacity;
  const from =
    compute.recoveryCapacity === 0 ? 'zero (pilot light)' : `${compute.recoveryCapacity} (standby)`;
  return [
    {
      title: `Scale ${id} in ${recovery} from ${from} to ${target}`,
      detail:
        strategy === 'active-active'
          ? 'the surviving Region now carries all traffic'
          : 'the standby must carry the full production load',
      commands: scaleCommand(compute, ctx, recovery, target),
    },
  ];
}

/** Steps that move DNS to the recovery Region. */
export function dnsFailoverSteps(
  failover: FailoverPlan | undefined,
  ctx: ProcedureContext,
): ProcedureStep[] {
  const { primary, recovery } = ctx.regions;
  if (!failover) {
    return [
      {
        title: `Point the ${ctx.service} DNS record at the ${recovery} endpoint (no automatic failover is planned)`,
        commands: [
          `aws route53 change-resource-record-sets --hosted-zone-id <hosted zone id> --change-batch file://${ctx.service}-to-${recovery}.json   # UPSERT the record to the ${recovery} endpoint`,
        ],
      },
    ];
  }
  const seconds =
    failover.healthCheckIntervalSeconds * failover.failureThreshold + failover.ttlSeconds;
  return [
    {
      title:
        failover.routing === 'failover'
          ? `Confirm Route 53 failed the ${ctx.service} record over to the ${recovery} (secondary) record`
          : `Confirm Route 53 stopped answering with the ${primary} ${failover.routing} record of ${ctx.service}`,
      detail:
        `automatic once the ${primary} health check fails: ${failover.healthCheckIntervalSeconds} s × ` +
        `${failover.failureThreshold} checks + ${failover.ttlSeconds} s TTL ≈ ${seconds} s; ` +
        'invert the health check to force it when the endpoint still answers but is broken',
      commands: [
        `aws route53 get-health-check-status --health-check-id <${ctx.service} ${primary} health check id>`,
        `aws route53 update-health-check --health-check-id <${ctx.service} ${primary} health check id> --inverted`,
      ],
    },
  ];
}

/** Steps that return compute and DNS to the primary Region. */
export function regionFailBackSteps(
  compute: readonly ComputePlan[],
  strategy: Strategy,
  failover: FailoverPlan | undefined,
  ctx: ProcedureContext,
): ProcedureStep[] {
  const { primary, recovery } = ctx.regions;
  const steps: ProcedureStep[] = compute
    .filter((c) => c.resource.kind !== 'lambda')
    .map((c) => ({
      title: `Scale ${placeholder(c.resource, ctx.service)} in ${primary} back to ${c.primaryCapacity}`,
      commands: scaleCommand(c, ctx, primary, c.primaryCapacity),
    }));
  steps.push(
    failover
      ? {
          title: `Send traffic back to ${primary}: clear the forced failover once the ${primary} health check is healthy`,
          commands: [
            `aws route53 update-health-check --health-check-id <${ctx.service} ${primary} health check id> --no-inverted`,
          ],
        }
      : {
          title: `Point the ${ctx.service} DNS record back at the ${primary} endpoint`,
          commands: [
            `aws route53 change-resource-record-sets --hosted-zone-id <hosted zone id> --change-batch file://${ctx.service}-to-${primary}.json`,
          ],
        },
  );
  for (const c of compute.filter((item) => item.resource.kind !== 'lambda')) {
    const standby = strategy === 'backup-restore' ? undefined : c.recoveryCapacity;
    steps.push(
      standby === undefined
        ? {
            title: `Remove the ${recovery} deployment of ${placeholder(c.resource, ctx.service)} (it was created for the recovery)`,
            commands: [
              `npx cdk destroy <${ctx.service} stacks> --context region=${recovery}   # or: pulumi destroy --stack <${recovery} stack>`,
            ],
          }
        : {
            title: `Scale ${placeholder(c.resource, ctx.service)} in ${recovery} back to ${standby}`,
            commands: scaleCommand(c, ctx, recovery, standby),
          },
    );
  }
  return steps;
}
