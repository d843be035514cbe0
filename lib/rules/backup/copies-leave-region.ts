import { isUnresolved } from '../../model';
import { deployAccountOf } from '../../engine/deploy-account';
import { regionOf } from '../../engine/service-protection';
import { locationOf, showKnown } from '../continuity-rule';
import type { Tri } from '../../engine/tri-state';
import type { BackupPlan, BackupRule, CopyAction, Known, Store, StoreReplica } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** A copy action or a replica, with the entry it belongs to. */
export type CopyOrReplica =
  | {
      readonly kind: 'copy';
      readonly plan: BackupPlan;
      readonly rule: BackupRule;
      readonly copy: CopyAction;
    }
  | { readonly kind: 'replica'; readonly store: Store; readonly replica: StoreReplica };

/** Whether a copy stays in the source account; `unknown` when either account is not known. */
function sameAccount(account: Known<string> | undefined, own: string | undefined): Tri {
  if (account === undefined) {
    return true;
  }
  if (isUnresolved(account) || own === undefined) {
    return 'unknown';
  }
  return account === own;
}

/** RR-BKP4: copy actions and replicas go to another Region (or another account). */
export const copiesLeaveRegion: ContinuityRule<CopyOrReplica> = {
  id: 'RR-BKP4',
  name: 'copiesLeaveRegion',
  title: 'Copy actions and replicas go to another Region (or, for copies, another account)',
  violation: 'A copy action or replica stays in the same Region and account as its source',
  rationale:
    'A copy in the same Region and account fails with the source in a regional outage or an account compromise, so it pays for a second copy without the protection.',
  fix: 'point the copy action or replica at the recovery Region (or at a vault in another account)',
  severity: 'warning',
  docsUrl: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html',
  subjects: (context) => [
    ...context.inventory.backupPlans.flatMap((plan) =>
      plan.rules.flatMap((rule) =>
        rule.copyActions.map((copy): CopyOrReplica => ({ kind: 'copy', plan, rule, copy })),
      ),
    ),
    ...context.inventory.stores.flatMap((store) =>
      store.replicas.map((replica): CopyOrReplica => ({ kind: 'replica', store, replica })),
    ),
  ],
  locate: (s, context) =>
    s.kind === 'copy'
      ? { resource: locationOf(s.plan, 'AWS::Backup::BackupPlan') }
      : {
          resource: locationOf(s.store, s.store.type),
          service: context.servicesOfResource.get(s.store.id)?.[0],
        },
  check: (s, context) => {
    const primary = context.spec.regions.primary;
    if (s.kind === 'copy') {
      const to = s.copy.destinationRegion;
      if (isUnresolved(to)) {
        return {
          status: 'unknown',
          message: `copy action of backup rule '${s.rule.name}' goes to a Region known only at deploy time`,
        };
      }
      const from = regionOf(s.plan, primary);
      const same =
        to === from
          ? sameAccount(s.copy.destinationAccount, deployAccountOf(s.plan, context.accountId))
          : false;
      if (same === false) {
        return { status: 'compliant' };
      }
      if (same === 'unknown') {
        return {
          status: 'unknown',
          message: `copy action of backup rule '${s.rule.name}' copies to ${to}, the Region of the source vault, and it is not known whether account ${showKnown(s.copy.destinationAccount as Known<string>)} is another account`,
          fix: 'copy to the recovery Region, or give the account the templates deploy to so a cross-account copy is recognised',
        };
      }
      return {
        status: 'non-compliant',
        message: `copy action of backup rule '${s.rule.name}' copies to ${to}, the Region of the source vault`,
      };
    }
    const to = s.replica.region;
    if (isUnresolved(to)) {
      return {
        status: 'unknown',
        message: `${s.replica.mechanism} replica of ${s.store.id} is in a Region known only at deploy time`,
      };
    }
    const from = regionOf(s.store, primary);
    return to !== from
      ? { status: 'compliant' }
      : {
          status: 'non-compliant',
          message: `${s.replica.mechanism} replica of ${s.store.id} is in ${to}, the Region of the source`,
        };
  },
};
