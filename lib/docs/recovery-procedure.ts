import { formatDuration } from '../duration/format-duration';
import type { Disruption } from '../model/disruption';
import type { ComputePlan, ServicePlan, StorePlan, TierPlan } from '../model/plan';
import {
  computeAzSteps,
  computeRegionSteps,
  dnsFailoverSteps,
  regionFailBackSteps,
} from './compute-recovery-steps';
import { placeholder } from './procedure-step';
import type { ProcedureContext, ProcedureStep, RecoveryProcedure } from './procedure-step';
import {
  storeAccountSteps,
  storeApplicationSteps,
  storeAzSteps,
  storeRegionFailBackSteps,
  storeRegionSteps,
} from './store-recovery-steps';

function rollBackSteps(compute: ComputePlan, ctx: ProcedureContext): ProcedureStep {
  const id = placeholder(compute.resource, ctx.service);
  const region = ctx.regions.primary;
  switch (compute.resource.kind) {
    case 'ecs':
      return {
        title: `Roll ${id} back to the last good task definition`,
        commands: [
          `aws ecs update-service --region ${region} --cluster ${placeholder(compute.resource, ctx.service, ' cluster')} --service ${id} --task-definition <family:previous good revision>`,
        ],
      };
    case 'asg':
      return {
        title: `Roll ${id} back to the last good launch template version`,
        commands: [
          `aws autoscaling update-auto-scaling-group --region ${region} --auto-scaling-group-name ${id} --launch-template LaunchTemplateId=<id>,Version=<previous good version>`,
          `aws autoscaling start-instance-refresh --region ${region} --auto-scaling-group-name ${id}`,
        ],
      };
    default:
      return {
        title: `Point the live alias of ${id} back at the last good version`,
        commands: [
          `aws lambda update-alias --region ${region} --function-name ${id} --name <live alias> --function-version <previous good version>`,
        ],
      };
  }
}

function copiedToRecovery(store: StorePlan, tierPlan: TierPlan | undefined): boolean {
  return (
    store.backedUp &&
    (tierPlan?.rules.some(
      (rule) =>
        rule.copyToRecoveryRegion !== undefined && rule.storeKinds.includes(store.resource.kind),
    ) ??
      false)
  );
}

function verifySteps(
  plan: ServicePlan,
  disruption: Disruption,
  ctx: ProcedureContext,
): ProcedureStep[] {
  const region =
    disruption === 'region' || disruption === 'account'
      ? ctx.regions.recovery
      : ctx.regions.primary;
  const signals = [...new Set(plan.alarms.map((alarm) => alarm.signal))];
  const steps: ProcedureStep[] = [
    {
      title: `Check that no ${ctx.service} alarm is in ALARM in ${region}`,
      detail: signals.length > 0 ? `planned alarms watch: ${signals.join(', ')}` : undefined,
      commands: [
        `aws cloudwatch describe-alarms --region ${region} --state-value ALARM --query "MetricAlarms[?contains(AlarmName, '${ctx.service}')].AlarmName"`,
      ],
    },
  ];
  if (plan.failover && (disruption === 'region' || disruption === 'account')) {
    steps.push({
      title: `Check the Route 53 health check of the ${region} endpoint reports healthy`,
      commands: [
        `aws route53 get-health-check-status --health-check-id <${ctx.service} ${region} health check id>`,
      ],
    });
  }
  const rpo = plan.predicted[disruption]?.rpoSeconds;
  steps.push({
    title: `Run the ${ctx.service} smoke test against the recovered endpoint`,
    detail:
      'read and write one test record, and check the newest business record is no older than ' +
      (rpo === undefined || rpo === null
        ? 'the declared RPO'
        : `the predicted RPO (${formatDuration(rpo)})`),
    commands: [],
  });
  return steps;
}

/**
 * The ordered recovery procedure for one disruption of one service: concrete steps per store
 * kind and strategy (which recovery point in which vault, which replica to promote, which
 * capacity to scale, which DNS record fails over), then how to verify and how to fail back.
 */
export function recoveryProcedure(
  plan: ServicePlan,
  disruption: Disruption,
  ctx: ProcedureContext,
  tierPlan?: TierPlan,
): RecoveryProcedure {
  const verify = verifySteps(plan, disruption, ctx);
  switch (disruption) {
    case 'application':
      return {
        disruption,
        steps: [
          ...plan.compute.map((compute) => rollBackSteps(compute, ctx)),
          ...plan.stores.flatMap((store) => storeApplicationSteps(store, ctx)),
        ],
        verify,
        failBack: [
          {
            title:
              'Once the data is reconciled, rename or delete the restored copies and keep the damaged originals for the post-incident review',
            commands: [],
          },
        ],
      };
    case 'az':
      return {
        disruption,
        steps: [
          ...plan.stores.flatMap((store) => storeAzSteps(store, ctx)),
          ...plan.compute.flatMap((compute) => computeAzSteps(compute, ctx)),
        ],
        verify,
        failBack: [
          {
            title:
              'When the Availability Zone is healthy again, end the zonal shift and restore the original subnets',
            commands: [
              `aws arc-zonal-shift cancel-zonal-shift --region ${ctx.regions.primary} --zonal-shift-id <zonal shift id>`,
            ],
          },
        ],
      };
    case 'region':
      return {
        disruption,
        steps: [
          ...plan.stores.flatMap((store) =>
            storeRegionSteps(store, ctx, copiedToRecovery(store, tierPlan)),
          ),
          ...plan.compute.flatMap((compute) => computeRegionSteps(compute, plan.strategy, ctx)),
          ...dnsFailoverSteps(plan.failover, ctx),
        ],
        verify,
        failBack: [
          ...plan.stores.flatMap((store) => storeRegionFailBackSteps(store, ctx)),
          ...regionFailBackSteps(plan.compute, plan.strategy, plan.failover, ctx),
        ],
      };
    case 'account':
      return {
        disruption,
        steps: [
          {
            title: 'From the security (break-glass) account, cut off the compromised account',
            detail:
              'a deny-all service control policy stops the attacker; rotate every credential before lifting it',
            commands: [
              'aws organizations attach-policy --policy-id <deny-all SCP id> --target-id <compromised account id>',
            ],
          },
          ...plan.stores.flatMap((store) => storeAccountSteps(store, ctx)),
          ...plan.compute.map((compute) => ({
            title: `Deploy ${placeholder(compute.resource, ctx.service)} from code into the clean account`,
            commands: [
              `npx cdk deploy <${ctx.service} stacks>   # with the clean account's credentials`,
            ],
          })),
          ...dnsFailoverSteps(undefined, ctx),
        ],
        verify,
        failBack: [
          {
            title:
              'Move back only after the compromised account is rebuilt, every credential rotated and the root cause closed',
            commands: [],
          },
        ],
      };
  }
}
