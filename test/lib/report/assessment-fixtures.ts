import type { Assessment, ServiceAssessment } from '../../../lib/model/assessment';
import type { Finding } from '../../../lib/model/finding';
import type { RuleMetadata } from '../../../lib/report/sarif-report';

/** A finding with defaults, for report tests. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'RR-OBJ1',
    severity: 'error',
    status: 'non-compliant',
    service: 'orders',
    disruption: 'region',
    resource: {
      stack: 'ShopPrimary',
      logicalId: 'OrdersTable',
      path: 'ShopPrimary/Orders/Resource',
      type: 'AWS::DynamoDB::Table',
      file: 'cdk.out/ShopPrimary.template.json',
    },
    message: 'region RPO none exceeds the 15min objective: no copy outside us-east-1',
    fix: 'add a copy action to a vault in us-west-2 or a global table replica',
    ...overrides,
  };
}

/** `payments` (platinum): every objective met, one suppressed warning. */
export const paymentsMet: ServiceAssessment = {
  name: 'payments',
  tier: 'platinum',
  met: true,
  objectives: {
    application: { rtoSeconds: 3600, rpoSeconds: 300 },
    region: { rtoSeconds: 900, rpoSeconds: 60 },
  },
  achieved: {
    application: {
      rtoSeconds: 1800,
      rpoSeconds: 1,
      basis: 'documented-typical',
      explanation: ['RPO 1s = continuous backup'],
    },
    region: {
      rtoSeconds: 600,
      rpoSeconds: 1,
      basis: 'sla',
      explanation: ['RPO 1s = global table replication'],
    },
  },
  findings: [
    finding({
      rule: 'RR-BKP3',
      severity: 'warning',
      service: 'payments',
      disruption: undefined,
      resource: {
        stack: 'ShopPrimary',
        logicalId: 'PaymentsVault',
        file: 'cdk.out/ShopPrimary.template.json',
      },
      message: 'vault PaymentsVault uses the AWS-owned key',
      fix: 'encrypt the vault with a customer-managed KMS key',
      suppressed: { reason: 'accepted by security <review> & "audit"', expires: '2027-01-01' },
    }),
  ],
};

/** `orders` (gold): application met, region not recoverable, az not assessed. */
export const ordersUnmet: ServiceAssessment = {
  name: 'orders',
  tier: 'gold',
  met: false,
  objectives: {
    application: { rtoSeconds: 14400, rpoSeconds: 900 },
    az: { rtoSeconds: 3600, rpoSeconds: 900 },
    region: { rtoSeconds: 3600, rpoSeconds: 900 },
  },
  achieved: {
    application: {
      rtoSeconds: 7200,
      rpoSeconds: 300,
      basis: 'estimate',
      explanation: ['RPO 5min = PITR'],
    },
    region: {
      rtoSeconds: null,
      rpoSeconds: null,
      basis: 'estimate',
      explanation: ['no recovery point or replica outside us-east-1'],
    },
  },
  findings: [
    finding(),
    finding({
      rule: 'RR-ALM1',
      severity: 'warning',
      disruption: undefined,
      resource: {
        stack: 'ShopPrimary',
        logicalId: 'OrdersPlan',
        file: 'cdk.out/ShopPrimary.template.json',
      },
      message: 'no alarm on failed backup jobs of plan OrdersPlan, "100%" <unwatched> & silent',
      fix: 'add an EventBridge rule on Backup Job State Change FAILED',
    }),
  ],
};

/** A finding tied to no service. */
export const orphanFinding = finding({
  rule: 'RR-TAG1',
  service: undefined,
  disruption: undefined,
  resource: {
    stack: 'ShopPrimary',
    logicalId: 'LogsBucket',
    type: 'AWS::S3::Bucket',
    file: 'cdk.out/ShopPrimary.template.json',
  },
  message: 'stateful resource LogsBucket belongs to no service',
  fix: 'tag it continuity:service or add it to a service in the spec',
});

/** Two services, one unmet, plus a finding tied to no service. */
export const mixedAssessment: Assessment = {
  met: false,
  services: [ordersUnmet, paymentsMet],
  findings: [orphanFinding],
};

/** One service, everything met. */
export const metAssessment: Assessment = { met: true, services: [paymentsMet], findings: [] };

/** Rule metadata for the SARIF driver. */
export const ruleMetadata: RuleMetadata[] = [
  {
    id: 'RR-OBJ1',
    name: 'serviceMeetsObjectives',
    title: 'Each service meets its declared RTO and RPO per disruption',
    violation: 'a declared objective is not met',
    rationale: 'an unmet objective is a promise the design cannot keep',
    fix: 'follow the finding fix',
    severity: 'error',
    docsUrl: 'https://example.com/rules#rr-obj1',
  },
  {
    id: 'RR-BKP3',
    name: 'vaultUsesCustomerManagedKey',
    title: 'Backup vaults use a customer-managed KMS key',
    violation: 'a vault uses the AWS-owned key',
    rationale: 'a customer-managed key lets you control and audit access to recovery points',
    fix: 'set EncryptionKeyArn',
    severity: 'warning',
    docsUrl: 'https://example.com/rules#rr-bkp3',
  },
  {
    id: 'RR-ALM1',
    name: 'backupFailuresAlarm',
    title: 'Failed backup jobs raise an alarm',
    violation: 'no alarm on failed backup jobs',
    rationale: 'a silent failure turns into an RPO breach',
    fix: 'add an EventBridge rule',
    severity: 'warning',
    docsUrl: 'https://example.com/rules#rr-alm1',
  },
];
