import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { inventoryFromTemplates, readInventory } from '../../../lib/inventory';
import { isInputError } from '../../../lib/model/input-error';
import { fixture } from './fixtures';
import { readFileSync } from 'fs';

/** Runs `fn`; passes when it returns or throws an InputError, fails on any other throw. */
function survives(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    if (isInputError(error)) {
      return true;
    }
    throw error;
  }
}

const TYPES = [
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::RDS::GlobalCluster',
  'AWS::EFS::FileSystem',
  'AWS::EC2::Volume',
  'AWS::ECS::Service',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::Lambda::Function',
  'AWS::Backup::BackupPlan',
  'AWS::Backup::BackupSelection',
  'AWS::Backup::BackupVault',
  'AWS::Backup::RestoreTestingPlan',
  'AWS::Route53::HealthCheck',
  'AWS::Route53::RecordSet',
  'AWS::Route53::RecordSetGroup',
  'AWS::CloudWatch::Alarm',
  'AWS::Events::Rule',
  'AWS::FIS::ExperimentTemplate',
  'Custom::CrossRegionExportReader',
  'Custom::CrossRegionExportWriter',
];

/** Values that look like template fragments: intrinsics with arbitrary arguments. */
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.record({
      Ref: fc.oneof(fc.string(), fc.constantFrom('AWS::Region', 'A', 'B', 'P', 'AWS::NoValue')),
    }),
    fc.record({ 'Fn::GetAtt': fc.oneof(fc.string(), fc.array(tie('node'), { maxLength: 3 })) }),
    fc.dictionary(
      fc.constantFrom(
        'Fn::Join',
        'Fn::Sub',
        'Fn::If',
        'Fn::Select',
        'Fn::FindInMap',
        'Fn::ImportValue',
        'Fn::Split',
        'Condition',
      ),
      tie('node'),
      { maxKeys: 1, minKeys: 1 },
    ),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'Status',
        'Region',
        'Rules',
        'Destination',
        'Bucket',
        'Replicas',
        'Key',
        'Value',
        'Statement',
      ),
      tie('node'),
      { maxKeys: 4 },
    ),
  ),
})).node;

const properties = fc.dictionary(
  fc.constantFrom(
    'PointInTimeRecoverySpecification',
    'Replicas',
    'ReplicationConfiguration',
    'VersioningConfiguration',
    'BackupRetentionPeriod',
    'DBClusterIdentifier',
    'SourceDBInstanceIdentifier',
    'GlobalClusterIdentifier',
    'BackupPlan',
    'BackupSelection',
    'BackupPlanId',
    'AccessPolicy',
    'LockConfiguration',
    'EncryptionKeyArn',
    'HealthCheckConfig',
    'RecordSets',
    'AliasTarget',
    'Dimensions',
    'Metrics',
    'EventPattern',
    'Actions',
    'StopConditions',
    'Tags',
    'NetworkConfiguration',
    'VPCZoneIdentifier',
    'VpcConfig',
    'WriterProps',
    'BackupPolicy',
    'AvailabilityZoneName',
    'SourceDBClusterIdentifier',
    'Failover',
    'TTL',
  ),
  value,
  { maxKeys: 6 },
);

const template = fc.record({
  Parameters: fc.dictionary(fc.constantFrom('P', 'Q'), value, { maxKeys: 2 }),
  Conditions: fc.dictionary(fc.constantFrom('C', 'D'), value, { maxKeys: 2 }),
  Outputs: fc.dictionary(fc.string(), value, { maxKeys: 2 }),
  Resources: fc.dictionary(
    fc.constantFrom('A', 'B', 'C', 'D'),
    fc.record(
      {
        Type: fc.constantFrom(...TYPES),
        Properties: properties,
        Condition: fc.constantFrom('C', 'D', 'X'),
      },
      { requiredKeys: ['Type', 'Properties'] },
    ),
    { maxKeys: 4 },
  ),
});

/** Generous per-test timeout: the property runs are slow on a busy 2-core machine. */
const TIMEOUT_MS = 60_000;

describe('robustness on arbitrary input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-fuzz-'));

  test(
    'random template-shaped documents give an inventory or an InputError',
    () => {
      fc.assert(
        fc.property(
          fc.array(template, { minLength: 1, maxLength: 2 }),
          fc.option(fc.constantFrom('us-east-1', 'us-west-2')),
          (templates, region) =>
            survives(() =>
              inventoryFromTemplates(
                templates.map((t, i) => ({
                  stack: `S${i}`,
                  template: t,
                  ...(region ? { region } : {}),
                })),
              ),
            ),
        ),
        { numRuns: 300 },
      );
    },
    TIMEOUT_MS,
  );

  test(
    'arbitrary JSON values give an inventory or an InputError',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (doc) =>
          survives(() => inventoryFromTemplates([{ stack: 'S', template: doc }])),
        ),
        { numRuns: 200 },
      );
    },
    TIMEOUT_MS,
  );

  test(
    'truncated and mutated JSON and YAML files give an inventory or an InputError',
    () => {
      // GIVEN hand-written fixtures, cut or corrupted at random places
      const sources = [
        readFileSync(fixture('backup-compliant.yaml'), 'utf8'),
        readFileSync(fixture('backup-deficient.json'), 'utf8'),
        readFileSync(fixture('rds-compliant.yaml'), 'utf8'),
        readFileSync(fixture('route53-deficient.json'), 'utf8'),
      ];
      fc.assert(
        fc.property(
          fc.nat({ max: sources.length - 1 }),
          fc.nat(),
          fc.string({ maxLength: 3 }),
          fc.boolean(),
          (which, at, insert, json) => {
            const text = sources[which];
            const cut = at % (text.length + 1);
            const mutated = `${text.slice(0, cut)}${insert}${insert ? text.slice(cut) : ''}`;
            const file = join(dir, json ? 'fuzz.json' : 'fuzz.yaml');
            writeFileSync(file, mutated);
            return survives(() => readInventory([file]));
          },
        ),
        { numRuns: 200 },
      );
    },
    TIMEOUT_MS,
  );

  test(
    'random template-shaped YAML files give an inventory or an InputError',
    () => {
      fc.assert(
        fc.property(template, (t) => {
          const file = join(dir, 'random.yaml');
          writeFileSync(file, stringify(t));
          return survives(() => readInventory([file]));
        }),
        { numRuns: 100 },
      );
    },
    TIMEOUT_MS,
  );
});
