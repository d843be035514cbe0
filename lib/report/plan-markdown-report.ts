import { toMarkdown } from './markdown-report';
import { planToAssessment } from './plan-assessment';
import {
  describeAlarm,
  describeBackupRule,
  describeCompute,
  describeStore,
  describeVault,
} from './plan-text-report';
import type { ContinuityPlan } from '../model/plan';
import type { ContinuitySpec } from '../model/spec';

/**
 * Renders a plan as Markdown: tiers (backup rules, vault, restore tests), services (strategy,
 * stores, compute, failover, alarms, drills), then the predicted objectives in the layout of the
 * `continuity check` Markdown report, diagram included.
 */
export function planToMarkdown(
  plan: ContinuityPlan,
  spec: Pick<ContinuitySpec, 'tiers' | 'services'>,
): string {
  const out = [`## Continuity plan: ${plan.regions.primary} → ${plan.regions.recovery}`, ''];
  for (const tier of plan.tiers) {
    out.push(`### Tier ${tier.tier}`, '');
    out.push(...tier.rules.map((r) => `- backup rule \`${describeBackupRule(r)}\``));
    out.push(
      `- vault: ${describeVault(tier)}`,
      `- restore test every ${tier.restoreTestEveryDays}d`,
      '',
    );
  }
  for (const service of plan.services) {
    out.push(`### Service ${service.service} (${service.tier}): ${service.strategy}`, '');
    out.push(...service.stores.map((s) => `- store ${describeStore(s)}`));
    out.push(...service.compute.map((c) => `- compute ${describeCompute(c)}`));
    if (service.failover !== undefined) {
      const f = service.failover;
      out.push(
        `- failover: ${f.routing} routing, health check every ${f.healthCheckIntervalSeconds}s, ` +
          `${f.failureThreshold} failures, TTL ${f.ttlSeconds}s`,
      );
    }
    if (service.alarms.length > 0) {
      out.push(`- alarms: ${service.alarms.map(describeAlarm).join(', ')}`);
    }
    for (const drill of service.faultInjection) {
      out.push(
        `- drill (${drill.disruption}): \`${drill.action}\` for ${drill.durationMinutes}min`,
      );
    }
    out.push('');
  }
  const predicted = toMarkdown(planToAssessment(plan, spec), {
    services: spec.services,
    headingLevel: 2,
    achievedLabel: 'predicted',
  }).replace(/^## (\S+) Continuity check: /, '## $1 Predicted: ');
  return `${out.join('\n')}\n${predicted}`;
}
