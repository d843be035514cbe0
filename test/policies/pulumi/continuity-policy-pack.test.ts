import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { buildExample, defaultSpecPath } from '../../../bin/pulumi-app';
import type { PulumiResourceRecord } from '../../../lib/inventory/pulumi';
import { allRules } from '../../../lib/rules';
import {
  continuityPolicies,
  POLICY_NAMES,
  validateContinuity,
} from '../../../policies/pulumi/continuity-policy-pack';
import { recordsUnderMocks } from '../../lib/inventory/pulumi/records-under-mocks';
import { stackArgs } from './stack-args';
import type { Violation } from './stack-args';

const TODAY = new Date('2026-11-21');
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

function validate(
  records: readonly PulumiResourceRecord[],
  level: 'mandatory' | 'advisory',
  config: Record<string, unknown> = { specPath: defaultSpecPath() },
): Violation[] {
  const violations: Violation[] = [];
  const severities = level === 'mandatory' ? (['error'] as const) : (['warning', 'info'] as const);
  validateContinuity(severities, { today: TODAY })(stackArgs(records, config), (message, urn) =>
    violations.push({ message, ...(urn !== undefined ? { urn } : {}) }),
  );
  return violations;
}

function ruleOf(v: Violation): string {
  return v.message.split(/[ :]/)[0] ?? '';
}

/** Records with `change` applied to the props of those matching `where`. */
function mutate(
  records: readonly PulumiResourceRecord[],
  where: (r: PulumiResourceRecord) => boolean,
  change: (props: Record<string, unknown>) => Record<string, unknown>,
): PulumiResourceRecord[] {
  return records.map((r) => (where(r) ? { ...r, props: change({ ...r.props }) } : r));
}

/**
 * The example spec with a 350 GiB invoices bucket: restoring its versions takes 7h30min, over
 * the 4 h application RTO of gold, so `orders` misses its objective.
 */
function oversizedInvoicesSpec(): string {
  const text = readFileSync(defaultSpecPath(), 'utf8');
  const changed = text.replace(/(logicalId: InvoicesBucket, sizeGiB: )\d+/, '$1350');
  expect(changed).not.toEqual(text);
  const file = join(mkdtempSync(join(tmpdir(), 'pack-spec-')), 'continuity.yaml');
  writeFileSync(file, changed);
  return file;
}

describe('the Pulumi policy pack on the example program', () => {
  let records: readonly PulumiResourceRecord[];
  let mandatory: Violation[];
  let advisory: Violation[];
  let oversized: Violation[];
  beforeAll(async () => {
    records = (await recordsUnderMocks(() => buildExample())).records;
    mandatory = validate(records, 'mandatory');
    advisory = validate(records, 'advisory');
    oversized = validate(records, 'mandatory', { specPath: oversizedInvoicesSpec() });
  }, 120_000);

  test('the example program as built passes both policies', () => {
    // GIVEN / WHEN / THEN
    expect(mandatory).toEqual([]);
    expect(advisory).toEqual([]);
  });

  test('has a mandatory policy for errors and an advisory one for warnings, listing their rules', () => {
    // GIVEN / WHEN
    const policies = continuityPolicies();
    // THEN
    expect(policies.map((p) => [p.name, p.enforcementLevel])).toEqual([
      [POLICY_NAMES.mandatory, 'mandatory'],
      [POLICY_NAMES.advisory, 'advisory'],
    ]);
    const errors = allRules.filter((r) => r.severity === 'error').map((r) => r.id);
    expect(policies[0]?.description).toContain(`(${errors.join(', ')})`);
    expect(policies.every((p) => p.configSchema?.properties.specPath?.type === 'string')).toBe(
      true,
    );
  });

  test('mandatory reports only error rules, advisory only warning and info rules', () => {
    // GIVEN a spec that orders misses, and a program without alarms on failed backup jobs
    const severity = new Map(allRules.map((r) => [r.id, r.severity] as const));
    const noBackupAlarms = records.filter(
      (r) =>
        !(
          r.type === 'aws:cloudwatch/metricAlarm:MetricAlarm' && r.props.namespace === 'AWS/Backup'
        ),
    );
    const warned = validate(
      noBackupAlarms.filter((r) => r.type !== 'aws:cloudwatch/eventRule:EventRule'),
      'advisory',
    );
    // WHEN
    const mandatorySeverities = new Set(oversized.map((v) => severity.get(ruleOf(v))));
    const advisorySeverities = new Set(warned.map((v) => severity.get(ruleOf(v))));
    // THEN
    expect([...mandatorySeverities]).toEqual(['error']);
    expect([...advisorySeverities].every((s) => s === 'warning' || s === 'info')).toBe(true);
    expect(warned.length).toBeGreaterThan(0);
  });

  test('objectives: a service that misses its RTO is reported on its store; one that meets it is not', () => {
    // GIVEN / WHEN
    const obj = oversized.filter((v) => ruleOf(v) === 'RR-OBJ1');
    // THEN
    const orders = obj.find((v) => v.message.includes('[orders, application]'));
    expect(orders?.message).toMatch(/declared RTO 4h \/ RPO 15min vs achieved RTO 7h30min/);
    expect(orders?.urn).toMatch(/::shop-orders-InvoicesBucket-bucket$/);
    expect(obj.filter((v) => v.message.includes('[search'))).toEqual([]);
  });

  test('backup: dropping the copy actions leaves the region objectives to replication or nothing', () => {
    // GIVEN
    const noCopies = mutate(
      records,
      (r) => r.type === 'aws:backup/plan:Plan',
      (p) => ({
        ...p,
        rules: (p.rules as Record<string, unknown>[]).map((rule) => ({ ...rule, copyActions: [] })),
      }),
    );
    // WHEN
    const before = advisory.filter((v) => ruleOf(v) === 'RR-BKP3');
    const after = validate(noCopies, 'advisory').filter((v) => ruleOf(v) === 'RR-BKP3');
    // THEN
    expect(before).toEqual([]);
    expect(after.some((v) => v.message.includes('[reporting, region]'))).toBe(true);
  });

  test('vault: a vault without a customer-managed key is reported on the vault', () => {
    // GIVEN
    const plainVault = mutate(
      records,
      (r) => r.name === 'shop-gold-vault',
      (p) => ({ ...p, kmsKeyArn: undefined }),
    );
    // WHEN
    const before = [...mandatory, ...advisory].filter((v) => ruleOf(v) === 'RR-VLT1');
    const after = [
      ...validate(plainVault, 'mandatory'),
      ...validate(plainVault, 'advisory'),
    ].filter((v) => ruleOf(v) === 'RR-VLT1');
    // THEN
    expect(before).toEqual([]);
    expect(after.map((v) => v.urn)).toEqual([expect.stringMatching(/::shop-gold-vault$/)]);
  });

  test('monitoring: without the EventBridge rules and alarms for failed jobs, backup failures are not alarmed', () => {
    // GIVEN
    const noRules = records.filter(
      (r) =>
        r.type !== 'aws:cloudwatch/eventRule:EventRule' &&
        !(
          r.type === 'aws:cloudwatch/metricAlarm:MetricAlarm' && r.props.namespace === 'AWS/Backup'
        ),
    );
    // WHEN
    const before = advisory.filter((v) => ruleOf(v) === 'RR-MON1');
    const after = validate(noRules, 'advisory').filter((v) => ruleOf(v) === 'RR-MON1');
    // THEN
    expect(before).toEqual([]);
    expect(after.length).toBeGreaterThan(0);
  });

  test('deletion: protected stores pass; stores kept only by retainOnDelete fail, since packs cannot see it', () => {
    // GIVEN the media bucket opted out of protect (deletionProtection: 'retain')
    const retainOnly = records.map((r) =>
      r.name === 'shop-media-MediaBucket-bucket' ? { ...r, protect: false } : r,
    );
    // WHEN
    const inv3 = validate(retainOnly, 'mandatory').filter((v) => ruleOf(v) === 'RR-INV3');
    // THEN
    const protectedStores = records.filter(
      (r) => r.protect && r.type === 'aws:dynamodb/table:Table',
    );
    expect(protectedStores.length).toBeGreaterThan(0);
    expect(inv3.filter((v) => protectedStores.some((r) => r.urn === v.urn))).toEqual([]);
    expect(inv3.map((v) => v.urn)).toEqual([
      expect.stringMatching(/::shop-media-MediaBucket-bucket$/),
    ]);
  });

  test('inventory: every declared resource is found by its logical id', () => {
    // GIVEN / WHEN
    const inv2 = mandatory.filter((v) => ruleOf(v) === 'RR-INV2');
    // THEN
    expect(inv2).toEqual([]);
  });

  test('values unknown during a preview are reported as unknown, not skipped and not passed', () => {
    // GIVEN
    // GIVEN the catalog database's backup retention (its point-in-time recovery) unknown
    const preview = mutate(
      records,
      (r) => r.name === 'shop-catalog-CatalogDatabase-db',
      (p) => ({ ...p, backupRetentionPeriod: UNKNOWN }),
    );
    expect(preview).not.toEqual(records);
    // WHEN
    const violations = validate(preview, 'mandatory');
    // THEN
    expect(violations.map((v) => v.message)).toContainEqual(
      expect.stringContaining('[catalog, application] (not known until deploy)'),
    );
  });
});

describe('the spec configuration', () => {
  const records: PulumiResourceRecord[] = [];

  test('fails clearly when no spec is configured or embedded', () => {
    // GIVEN / WHEN
    const violations = validate(records, 'mandatory', {});
    // THEN
    expect(violations).toEqual([
      {
        message: expect.stringMatching(
          /^continuity-kit cannot check this stack: no continuity spec: set the policy config specPath/,
        ),
      },
    ]);
    expect(validate(records, 'advisory', {})).toEqual([]);
  });

  test('fails clearly when specPath names no file', () => {
    // GIVEN / WHEN
    const [violation] = validate(records, 'mandatory', {
      specPath: '/nonexistent/continuity.yaml',
    });
    // THEN
    expect(violation?.message).toMatch(
      /spec file \/nonexistent\/continuity.yaml \(from policy config specPath\).*cannot read the spec file/,
    );
  });

  test('fails clearly when the spec is invalid or specPath is not a string', () => {
    // GIVEN
    const file = join(mkdtempSync(join(tmpdir(), 'pack-spec-')), 'continuity.yaml');
    writeFileSync(
      file,
      'regions: { primary: us-east-1, recovery: us-west-2 }\nservices:\n  - name: x\n    tier: diamond\n',
    );
    // WHEN
    const [invalid] = validate(records, 'mandatory', { specPath: file });
    const [wrongType] = validate(records, 'mandatory', { specPath: 42 });
    // THEN
    expect(invalid?.message).toMatch(/diamond/);
    expect(wrongType?.message).toMatch(/policy config specPath is 42, not a file path/);
  });
});
