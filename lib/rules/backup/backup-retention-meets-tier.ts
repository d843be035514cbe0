import { isUnresolved } from '../../model';
import { locationOf } from '../continuity-rule';
import type { ServiceContext } from '../../engine/assessment-context';
import type { BackupPlan, BackupRule, RuleOutcome } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** One backup rule that protects a service. */
export interface ServiceBackupRule {
  readonly service: ServiceContext;
  readonly plan: BackupPlan;
  readonly rule: BackupRule;
}

/** RR-BKP2: recovery points are kept at least as long as the tier requires. */
export const backupRetentionMeetsTier: ContinuityRule<ServiceBackupRule> = {
  id: 'RR-BKP2',
  name: 'backupRetentionMeetsTier',
  title:
    'Backup rules and their copies keep recovery points at least as long as the tier\u2019s retentionDays',
  violation: 'A backup rule or copy action deletes recovery points sooner than the tier requires',
  rationale:
    'Corruption is often found days after it happened; once the last clean recovery point has expired there is nothing left to restore.',
  fix: 'raise DeleteAfterDays of the rule and its copy actions to at least the tier\u2019s retentionDays',
  severity: 'warning',
  docsUrl:
    'https://docs.aws.amazon.com/aws-backup/latest/devguide/plan-options-and-configuration.html',
  subjects: (context) => {
    const out: ServiceBackupRule[] = [];
    for (const service of context.services) {
      // Rule names per plan id already taken for this service (no string keys in the hot loop).
      const seen = new Map<string, Set<string>>();
      for (const store of service.stores) {
        for (const c of context.coverage.get(store.id)?.rules ?? []) {
          let names = seen.get(c.plan.id);
          if (names === undefined) {
            names = new Set();
            seen.set(c.plan.id, names);
          }
          if (!names.has(c.rule.name)) {
            names.add(c.rule.name);
            out.push({ service, plan: c.plan, rule: c.rule });
          }
        }
      }
    }
    return out;
  },
  locate: ({ service, plan }) => ({
    service: service.spec.name,
    resource: locationOf(plan, 'AWS::Backup::BackupPlan'),
  }),
  check: ({ service, rule }) => {
    const required = service.tier?.retentionDays;
    if (required === undefined) {
      return { status: 'not-applicable' };
    }
    const judge = (days: unknown, what: string): RuleOutcome => {
      if (isUnresolved(days)) {
        return {
          status: 'unknown',
          message: `${what} keeps recovery points for a number of days known only at deploy time`,
        };
      }
      if (typeof days !== 'number' || days >= required) {
        // No DeleteAfterDays keeps recovery points forever.
        return { status: 'compliant' };
      }
      return {
        status: 'non-compliant',
        message: `${what} keeps recovery points ${days} days < ${required} days required by tier '${service.spec.tier}'`,
      };
    };
    return [
      judge(rule.deleteAfterDays, `backup rule '${rule.name}'`),
      ...rule.copyActions.map((c, i) =>
        judge(c.deleteAfterDays, `copy action ${i + 1} of backup rule '${rule.name}'`),
      ),
    ];
  },
};
