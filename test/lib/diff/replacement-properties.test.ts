import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPLACEMENT_PROPERTIES, STATEFUL_TYPES, replacementRule } from '../../../lib/diff';

/**
 * The CloudFormation resource schemas as compiled by the AWS CDK (`@aws-cdk/aws-service-spec`,
 * shipped in the aws-cdk CLI package): per property, `causesReplacement` is `yes` for
 * `createOnlyProperties` and `maybe` for conditional replacement.
 */
interface SpecEntity {
  readonly cloudFormationType: string;
  readonly properties: Record<string, { readonly causesReplacement?: string }>;
}

const SPEC_DB = path.join(__dirname, '..', '..', '..', 'node_modules', 'aws-cdk', 'db.json.gz');

let entities: Map<string, SpecEntity>;

beforeAll(() => {
  const db = JSON.parse(gunzipSync(readFileSync(SPEC_DB)).toString('utf8')) as {
    schema: { resource: { entities: SpecEntity[] } };
  };
  entities = new Map(db.schema.resource.entities.map((e) => [e.cloudFormationType, e]));
});

function flagged(type: string, value: string): string[] {
  const entity = entities.get(type);
  if (entity === undefined) {
    throw new Error(`${type} is not in the CloudFormation spec`);
  }
  return Object.entries(entity.properties)
    .filter(([, p]) => p.causesReplacement === value)
    .map(([name]) => name)
    .sort();
}

describe('REPLACEMENT_PROPERTIES', () => {
  test('covers the stateful types of DynamoDB, RDS, Aurora, S3, EFS, EBS, backup vaults and KMS', () => {
    expect([...STATEFUL_TYPES].sort()).toEqual([
      'AWS::Backup::BackupVault',
      'AWS::DynamoDB::GlobalTable',
      'AWS::DynamoDB::Table',
      'AWS::EC2::Volume',
      'AWS::EFS::FileSystem',
      'AWS::KMS::Key',
      'AWS::RDS::DBCluster',
      'AWS::RDS::DBInstance',
      'AWS::RDS::GlobalCluster',
      'AWS::S3::Bucket',
    ]);
  });

  test.each(STATEFUL_TYPES)(
    '%s replacement list equals the schema createOnlyProperties',
    (type) => {
      expect([...REPLACEMENT_PROPERTIES[type].replacement].sort()).toEqual(flagged(type, 'yes'));
    },
  );

  test.each(STATEFUL_TYPES)('%s classifies every conditional property of the schema', (type) => {
    // GIVEN
    const rule = REPLACEMENT_PROPERTIES[type];
    // THEN
    const classified = new Set<string>([...rule.conditional, ...rule.interruptionOnly]);
    expect(flagged(type, 'maybe').filter((p) => !classified.has(p))).toEqual([]);
  });

  test.each(STATEFUL_TYPES)('%s cites its CloudFormation template reference page', (type) => {
    expect(REPLACEMENT_PROPERTIES[type].docsUrl).toMatch(
      /^https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/latest\/TemplateReference\/aws-resource-[a-z0-9-]+\.html$/,
    );
  });

  test('no property is in two lists of one type', () => {
    for (const type of STATEFUL_TYPES) {
      const rule = REPLACEMENT_PROPERTIES[type];
      const all = [
        ...rule.replacement,
        ...rule.conditional,
        ...rule.interruptionOnly,
        ...rule.updateFails,
      ];
      expect(new Set(all).size).toBe(all.length);
    }
  });

  test('replacementRule returns undefined for types that are not tracked', () => {
    expect(replacementRule('AWS::SNS::Topic')).toBeUndefined();
    expect(replacementRule('toString')).toBeUndefined();
    expect(replacementRule('AWS::S3::Bucket')?.replacement).toContain('BucketName');
  });
});
