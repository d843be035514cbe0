/** Fixed "today" for date checks (the team's current date). */
export const NOW = new Date('2026-11-21T12:00:00Z');

/** A small valid spec document; each call returns a fresh, mutable copy. */
export function validDocument(): Record<string, any> {
  return {
    regions: { primary: 'us-east-1', recovery: 'us-west-2' },
    tiers: {
      'gold-eu': { region: { rto: '2h', rpo: '15min' }, application: { rto: '4h', rpo: '15min' } },
    },
    services: [
      {
        name: 'payments',
        tier: 'platinum',
        owner: 'team-payments',
        resources: [
          { kind: 'aurora', logicalId: 'PaymentsCluster', sizeGiB: 100 },
          { kind: 'dynamodb', logicalId: 'LedgerTable' },
        ],
      },
      {
        name: 'orders',
        tier: 'gold',
        owner: 'team-orders',
        dependsOn: ['payments'],
        contacts: ['orders@example.com'],
        reviewedOn: '2026-10-01',
        lastDrill: '2026-09-15',
        resources: [
          { kind: 'dynamodb', logicalId: 'OrdersTable', sizeGiB: 200 },
          { kind: 's3', logicalId: 'InvoicesBucket', stack: 'ShopPrimary' },
          { kind: 'ecs', logicalId: 'OrdersService' },
        ],
      },
      {
        name: 'reports',
        tier: 'bronze',
        owner: 'team-data',
        dependsOn: ['orders'],
        resources: [{ kind: 'ebs', logicalId: 'ReportsVolume' }],
      },
    ],
    suppressions: [
      {
        rule: 'RR-BKP3',
        resource: 'ReportsVolume',
        reason: 'tested by hand',
        expires: '2027-01-31',
      },
    ],
  };
}
