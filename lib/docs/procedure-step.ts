import type { Disruption } from '../model/disruption';
import type { RegionPair, ResourceRef } from '../model/spec';

/** One ordered step of a recovery procedure. */
export interface ProcedureStep {
  /** What to do, imperative, e.g. `Promote the read replica CatalogDatabase in us-west-2`. */
  readonly title: string;
  /**
   * Why, or what to look for.
   *
   * @default - none
   */
  readonly detail?: string;
  /** AWS CLI (or deploy) commands, in order; `<Name>` marks a value to fill in. */
  readonly commands: readonly string[];
}

/** The recovery procedure for one disruption. */
export interface RecoveryProcedure {
  readonly disruption: Disruption;
  /** Recover, in order. */
  readonly steps: readonly ProcedureStep[];
  /** Check the recovery worked. */
  readonly verify: readonly ProcedureStep[];
  /** Return to the normal setup once the cause is gone. */
  readonly failBack: readonly ProcedureStep[];
}

/** What procedures need to name concrete resources. */
export interface ProcedureContext {
  readonly service: string;
  readonly tier: string;
  readonly regions: RegionPair;
  /**
   * Backup vault in the primary Region.
   *
   * @default - found from the resource's recovery points
   */
  readonly vaultName?: string;
  /** Backup vault in the recovery Region that receives copies (a name or a `<placeholder>`). */
  readonly recoveryVaultName: string;
  /** Recovery points are locked (vault lock), so they survive a compromised account. */
  readonly immutable: boolean;
}

/**
 * Placeholder for a resource's physical name: `<LogicalId>`, or `<service-kind>` without one.
 *
 * Look it up with `aws cloudformation describe-stack-resource --logical-resource-id <LogicalId>`.
 */
export function placeholder(resource: ResourceRef, service: string, suffix = ''): string {
  const name = resource.logicalId ?? `${service}-${resource.kind}`;
  return `<${name}${suffix}>`;
}

/** Placeholder for a tier's vault in a Region, when the vault's physical name is not known. */
export function vaultPlaceholder(tier: string, region: string): string {
  return `<${tier} vault in ${region}>`;
}
