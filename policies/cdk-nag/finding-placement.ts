import { isUnder } from './acknowledge-continuity-rule';
import type { ContinuityAcknowledgement } from './acknowledge-continuity-rule';
import type { AppResource, AppTemplates } from './app-templates';
import type { ServiceMembers } from '../../lib/engine';
import type { Finding, ResourceAcknowledgement, Suppression } from '../../lib/model';

/** Decides on which construct each finding is reported. */
export class FindingPlacement {
  private readonly byLogicalId = new Map<string, AppResource>();
  private readonly firstOfStack = new Map<string, AppResource>();
  private readonly anchors = new Map<string, AppResource>();
  private readonly first?: AppResource;

  /**
   * @param app - the app's resources, in construct-tree order
   * @param members - the resources of each declared service, as the engine finds them
   */
  public constructor(
    private readonly app: AppTemplates,
    members: readonly ServiceMembers[],
  ) {
    const order = new Map<string, number>();
    for (const r of app.resources.values()) {
      order.set(r.id, order.size);
      this.first ??= r;
      if (!this.byLogicalId.has(r.logicalId)) {
        this.byLogicalId.set(r.logicalId, r);
      }
      if (!this.firstOfStack.has(r.stack)) {
        this.firstOfStack.set(r.stack, r);
      }
    }
    for (const m of members) {
      let best: AppResource | undefined;
      for (const e of m.members) {
        const r = app.resources.get(e.id);
        if (r && (best === undefined || (order.get(r.id) ?? 0) < (order.get(best.id) ?? 0))) {
          best = r;
        }
      }
      if (best) {
        this.anchors.set(m.service.name.toLowerCase(), best);
      }
    }
  }

  /**
   * Where a service-wide finding of `service` is reported: the service's first resource in the
   * construct tree, or the app's first resource when none of its resources was found.
   */
  public serviceAnchor(service: string): AppResource | undefined {
    return this.anchors.get(service.toLowerCase()) ?? this.first;
  }

  /**
   * The resource a finding is reported on: the resource it names; else the first resource of its
   * service; else the first resource of the stack it names; else the app's first resource.
   */
  public place(finding: Finding): AppResource | undefined {
    const loc = finding.resource;
    if (loc?.logicalId !== undefined) {
      const named =
        loc.stack !== undefined
          ? this.app.resources.get(`${loc.stack}/${loc.logicalId}`)
          : this.byLogicalId.get(loc.logicalId);
      if (named) {
        return named;
      }
    }
    if (finding.service !== undefined && this.anchors.has(finding.service.toLowerCase())) {
      return this.anchors.get(finding.service.toLowerCase());
    }
    return (loc?.stack !== undefined ? this.firstOfStack.get(loc.stack) : undefined) ?? this.first;
  }

  /**
   * Turns the acknowledgements of the construct tree into what the engine applies: one
   * {@link ResourceAcknowledgement} per resource under the acknowledged construct (the engine
   * accepts the rule's findings at that resource and the service-wide findings of its services,
   * as for acknowledgements read from `cdk.out`); a `*` suppression for one on the app; and a
   * service suppression for a service with no resource found whose findings are reported under
   * the construct. Acknowledgements without a reason accept nothing.
   */
  public acknowledgementsFor(
    acknowledgements: readonly ContinuityAcknowledgement[],
    services: readonly string[],
  ): { acknowledgements: ResourceAcknowledgement[]; suppressions: Suppression[] } {
    const resources: ResourceAcknowledgement[] = [];
    const suppressions: Suppression[] = [];
    for (const ack of acknowledgements.filter((a) => a.reason !== '')) {
      if (ack.path === '') {
        // acknowledged on the app: every finding of the rule
        suppressions.push({ rule: ack.ruleId, resource: '*', reason: ack.reason });
        continue;
      }
      for (const r of this.app.resources.values()) {
        if (isUnder(r.node.node.path, ack.path)) {
          resources.push({
            rule: ack.ruleId,
            resource: r.id,
            location: { stack: r.stack, logicalId: r.logicalId, path: r.node.node.path },
            reason: ack.reason,
          });
        }
      }
      for (const name of services) {
        const anchor = this.anchors.has(name.toLowerCase()) ? undefined : this.first;
        if (anchor && isUnder(anchor.node.node.path, ack.path)) {
          suppressions.push({ rule: ack.ruleId, resource: name, reason: ack.reason });
        }
      }
    }
    return { acknowledgements: resources, suppressions };
  }
}
