import { STORE_KINDS } from '../model/disruption';
import type { StoreKind } from '../model/disruption';
import { InputError } from '../model/input-error';
import type { InputIssue } from '../model/input-error';
import type { ContinuitySpec } from '../model/spec';
import type { BusinessImpactAnalysis, ServiceImpact, StoreSize } from './business-impact';

/**
 * Completes a BIA from a continuity spec: each service's declared tier comes from the spec, and a
 * service that lists no `stores` in the BIA takes the sized stores (`sizeGiB`) of its spec resources.
 *
 * @param file - BIA file name, for error paths
 * @throws InputError when a BIA service is not in the spec
 */
export function applySpec(
  bia: BusinessImpactAnalysis,
  spec: ContinuitySpec,
  file = 'bia',
): BusinessImpactAnalysis {
  const issues: InputIssue[] = [];
  const byName = new Map(spec.services.map((service) => [service.name.toLowerCase(), service]));
  const services: ServiceImpact[] = bia.services.map((impact) => {
    const declared = byName.get(impact.name.toLowerCase());
    if (!declared) {
      issues.push({
        path: `${file}:services.${impact.name}`,
        message:
          `service '${impact.name}' is not in the spec; ` +
          `use one of ${spec.services.map((s) => s.name).join(', ')} or remove it`,
      });
      return impact;
    }
    const specStores: StoreSize[] = declared.resources
      .filter((resource) => (STORE_KINDS as readonly string[]).includes(resource.kind))
      .filter((resource) => resource.sizeGiB !== undefined)
      .map((resource) => ({
        kind: resource.kind as StoreKind,
        sizeGiB: resource.sizeGiB as number,
      }));
    return {
      ...impact,
      name: declared.name,
      declaredTier: declared.tier,
      stores: impact.stores.length > 0 ? impact.stores : specStores,
    };
  });
  if (issues.length > 0) {
    throw new InputError(issues);
  }
  return { ...bia, services };
}
