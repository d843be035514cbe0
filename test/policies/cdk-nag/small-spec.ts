import type { ContinuitySpecDocument } from '../../../lib/spec';

/** Spec of the small test apps: one service, an application objective only, never reviewed. */
export const SMALL_SPEC: ContinuitySpecDocument = {
  regions: { primary: 'us-east-1', recovery: 'us-west-2' },
  tiers: {
    basic: {
      application: { rto: '72h', rpo: '24h' },
      retentionDays: 7,
      reviewEvery: '365d',
      drillEvery: '365d',
    },
  },
  services: [
    { name: 'orders', tier: 'basic', owner: 'team-orders', resources: [{ kind: 'dynamodb' }] },
  ],
};
