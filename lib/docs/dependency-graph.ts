import { DISRUPTIONS } from '../model/disruption';
import type { ContinuitySpec, ServiceSpec } from '../model/spec';
import { mermaidId } from './markdown';

/**
 * True when `dependency`'s tier promises less than `service`'s for some disruption the service
 * declares (no objective, or a longer RTO or RPO): the service cannot recover faster than it.
 */
export function isLooserDependency(
  service: ServiceSpec,
  dependency: ServiceSpec,
  spec: ContinuitySpec,
): boolean {
  const mine = spec.tiers[service.tier]?.objectives ?? {};
  const theirs = spec.tiers[dependency.tier]?.objectives ?? {};
  return DISRUPTIONS.some((disruption) => {
    const own = mine[disruption];
    if (!own) {
      return false;
    }
    const other = theirs[disruption];
    return !other || other.rtoSeconds > own.rtoSeconds || other.rpoSeconds > own.rpoSeconds;
  });
}

/**
 * A Mermaid flowchart of service dependencies (`A --> B`: A needs B), each node labelled with its
 * tier. With `focus`, only that service, what it needs (transitively) and what needs it directly;
 * an edge to a dependency with looser objectives is dotted and labelled.
 */
export function dependencyGraph(spec: ContinuitySpec, focus?: string): string {
  const byName = new Map(spec.services.map((service) => [service.name, service]));
  let included: Set<string>;
  if (focus === undefined) {
    included = new Set(byName.keys());
  } else {
    included = new Set([focus]);
    const queue = [focus];
    while (queue.length > 0) {
      const next = byName.get(queue.shift() as string);
      for (const dependency of next?.dependsOn ?? []) {
        if (!included.has(dependency)) {
          included.add(dependency);
          queue.push(dependency);
        }
      }
    }
    for (const service of spec.services) {
      if (service.dependsOn.includes(focus)) {
        included.add(service.name);
      }
    }
  }
  const lines = ['flowchart LR'];
  for (const name of included) {
    const service = byName.get(name);
    lines.push(`  ${mermaidId(name)}["${name}<br/>${service?.tier ?? 'not declared'}"]`);
  }
  for (const name of included) {
    const service = byName.get(name);
    for (const dependency of service?.dependsOn ?? []) {
      const target = byName.get(dependency);
      if (!included.has(dependency)) {
        continue;
      }
      const looser = service && target && isLooserDependency(service, target, spec);
      lines.push(
        looser
          ? `  ${mermaidId(name)} -. looser objectives .-> ${mermaidId(dependency)}`
          : `  ${mermaidId(name)} --> ${mermaidId(dependency)}`,
      );
    }
  }
  if (focus !== undefined) {
    lines.push(`  style ${mermaidId(focus)} stroke-width:3px`);
  }
  return lines.join('\n');
}
