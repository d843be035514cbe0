import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ContinuityStacks } from '../../../constructs/cdk';
import type { ContinuitySpec, StoreKind } from '../../../lib/model';
import { BUILT_IN_TIERS } from '../../../lib/tiers';

/** Primary and recovery Regions used by the fixtures. */
export const REGIONS = { primary: 'us-east-1', recovery: 'us-west-2' } as const;

/** Logical ids (construct ids) of one store per kind. */
export const STORE_IDS: Readonly<Record<StoreKind, string>> = {
  dynamodb: 'LedgerTable',
  s3: 'InvoicesBucket',
  rds: 'CatalogDatabase',
  aurora: 'PaymentsCluster',
  efs: 'DocumentsFileSystem',
  ebs: 'ReportingVolume',
};

/**
 * A resolved spec with one service `shop` at `tier` holding one store of each kind.
 *
 * Built directly (not parsed) so every built-in tier can be combined with every store kind: the
 * spec validator rightly rejects some pairs, but the renderer must stay stable for all of them.
 */
export function shopSpec(tier: string): ContinuitySpec {
  return {
    regions: REGIONS,
    tiers: { ...BUILT_IN_TIERS },
    services: [
      {
        name: 'shop',
        tier,
        owner: 'team-shop',
        dependsOn: [],
        contacts: ['shop@example.com'],
        resources: Object.entries(STORE_IDS).map(([kind, logicalId]) => ({
          kind: kind as StoreKind,
          logicalId,
          sizeGiB: 1,
        })),
      },
    ],
    suppressions: [],
  };
}

/** Synthesized templates of one {@link ContinuityStacks}. */
export interface Synthesized {
  readonly shop: ContinuityStacks;
  readonly primary: Template;
  readonly recovery: Template;
  readonly foundation: Template;
}

/** Builds and synthesizes the shop at `tier`. */
export function synthShop(tier: string): Synthesized {
  const app = new App();
  const shop = new ContinuityStacks(app, 'Shop', { spec: shopSpec(tier), account: '111111111111' });
  shop.addServices();
  return {
    shop,
    primary: Template.fromStack(shop.primaryStack),
    recovery: Template.fromStack(shop.recoveryStack),
    foundation: Template.fromStack(shop.recoveryFoundationStack),
  };
}
