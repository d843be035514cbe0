import { readFileSync } from 'fs';
import { join } from 'path';
import { assess } from '../../../lib/engine';
import { inventoryFromTemplates } from '../../../lib/inventory';
import { TODAY, service, spec, tier } from './builders';
import type { Assessment, Disruption, Objective, ResourceKind } from '../../../lib/model';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

interface Case {
  readonly fixture: string;
  readonly kind: ResourceKind;
  readonly logicalId: string;
  readonly objectives: Partial<Record<Disruption, Objective>>;
}

/*
 * Hand-written templates, one compliant and one non-compliant per mechanism (not produced by our
 * constructs). The tier of each case declares only the disruptions the mechanism protects from.
 */
const CASES: readonly Case[] = [
  {
    fixture: 'dynamodb-pitr',
    kind: 'dynamodb',
    logicalId: 'Orders',
    objectives: { application: { rtoSeconds: DAY, rpoSeconds: 15 * MIN } },
  },
  {
    fixture: 'global-table',
    kind: 'dynamodb',
    logicalId: 'Orders',
    objectives: { region: { rtoSeconds: HOUR, rpoSeconds: 15 * MIN } },
  },
  {
    fixture: 's3-crr-rtc',
    kind: 's3',
    logicalId: 'Invoices',
    objectives: { region: { rtoSeconds: 4 * HOUR, rpoSeconds: HOUR } },
  },
  {
    fixture: 'rds-multi-az-replica',
    kind: 'rds',
    logicalId: 'Database',
    objectives: {
      az: { rtoSeconds: 15 * MIN, rpoSeconds: MIN },
      region: { rtoSeconds: 4 * HOUR, rpoSeconds: HOUR },
    },
  },
  {
    fixture: 'aurora-global',
    kind: 'aurora',
    logicalId: 'Cluster',
    objectives: { region: { rtoSeconds: HOUR, rpoSeconds: 15 * MIN } },
  },
  {
    fixture: 'efs-replication',
    kind: 'efs',
    logicalId: 'Files',
    objectives: { region: { rtoSeconds: 4 * HOUR, rpoSeconds: HOUR } },
  },
  {
    fixture: 'backup-copy',
    kind: 'dynamodb',
    logicalId: 'Orders',
    objectives: { region: { rtoSeconds: 2 * DAY, rpoSeconds: DAY } },
  },
];

function run(c: Case, variant: 'compliant' | 'non-compliant'): Assessment {
  const file = join(__dirname, 'fixtures', `${c.fixture}.${variant}.json`);
  const { stacks } = JSON.parse(readFileSync(file, 'utf8')) as {
    stacks: Parameters<typeof inventoryFromTemplates>[0];
  };
  const s = spec(
    [
      service('svc', {
        tier: 'mechanism',
        resources: [{ kind: c.kind, logicalId: c.logicalId, stack: 'Shop' }],
      }),
    ],
    {
      tiers: { mechanism: tier('mechanism', { objectives: c.objectives }) },
    },
  );
  return assess(s, inventoryFromTemplates(stacks), { today: TODAY });
}

describe.each(CASES)('templates: $fixture', (c) => {
  test('the compliant template meets every declared objective', () => {
    // WHEN
    const result = run(c, 'compliant');
    // THEN
    const svc = result.services[0];
    const errors = svc.findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
    expect(svc.met).toBe(true);
    for (const d of Object.keys(c.objectives) as Disruption[]) {
      expect(svc.achieved[d]?.rpoSeconds).not.toBeNull();
    }
  });

  test('the non-compliant template fails RR-OBJ1 for a declared disruption', () => {
    // WHEN
    const result = run(c, 'non-compliant');
    // THEN
    const svc = result.services[0];
    expect(svc.met).toBe(false);
    const failed = svc.findings.filter((f) => f.rule === 'RR-OBJ1' && f.status === 'non-compliant');
    expect(failed.length).toBeGreaterThan(0);
    expect(Object.keys(c.objectives)).toEqual(
      expect.arrayContaining(failed.map((f) => f.disruption)),
    );
    expect(failed[0].resource?.logicalId).toBe(c.logicalId);
  });
});
