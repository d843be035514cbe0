import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Account of every generated stack. */
export const BENCH_ACCOUNT = '123456789012';
/** Primary Region of the generated assemblies. */
export const BENCH_PRIMARY = 'us-east-1';
/** Recovery Region of the generated assemblies. */
export const BENCH_RECOVERY = 'us-west-2';
/** Tiers the generated services cycle through. */
export const BENCH_TIERS = ['gold', 'silver', 'bronze'] as const;

type Json = unknown;
type Resources = Record<string, Json>;

/** Options of {@link generateAssembly}. */
export interface GenerateAssemblyOptions {
  /** Directory to write `manifest.json`, the templates and `continuity.json` to. */
  readonly dir: string;
  /** Stop adding services once the assembly holds at least this many resources. */
  readonly minResources: number;
  /**
   * Services per primary stack (and per recovery stack).
   *
   * @default 10
   */
  readonly servicesPerStack?: number;
}

/** What {@link generateAssembly} wrote. */
export interface GeneratedAssembly {
  readonly dir: string;
  /** The continuity spec matching the services, as JSON. */
  readonly specFile: string;
  /** Every template file, in manifest order. */
  readonly templateFiles: readonly string[];
  readonly resources: number;
  readonly stacks: number;
  readonly services: number;
  /** Resources per CloudFormation type. */
  readonly types: Readonly<Record<string, number>>;
}

/** CDK-style logical id: the path's last segments plus an 8-character hash of the path. */
function logicalId(stack: string, path: string): string {
  const hash = createHash('md5').update(`${stack}/${path}`).digest('hex').slice(0, 8).toUpperCase();
  return `${path.replace(/[^A-Za-z0-9]/g, '')}${hash}`;
}

/** Tag of every store naming the stack whose backup plans select it. */
const GROUP_TAG = 'continuity:group';

function tags(service: string, tier: string, group: string): Json[] {
  return [
    { Key: 'continuity:service', Value: service },
    { Key: 'continuity:tier', Value: tier },
    { Key: GROUP_TAG, Value: group },
  ];
}

function meta(stack: string, path: string): Json {
  return { 'aws:cdk:path': `${stack}/${path}/Resource` };
}

function role(stack: string, path: string, principal: string): Json {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Statement: [
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: principal } },
        ],
        Version: '2012-10-17',
      },
    },
    Metadata: meta(stack, path),
  };
}

function sslOnlyPolicy(bucketId: string): Json {
  return {
    Type: 'AWS::S3::BucketPolicy',
    Properties: {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: [
          {
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Resource: [
              { 'Fn::GetAtt': [bucketId, 'Arn'] },
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
            ],
          },
        ],
        Version: '2012-10-17',
      },
    },
  };
}

function alarm(metric: string, namespace: string, dimensions: Json[], threshold: number): Json {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: dimensions,
      EvaluationPeriods: 3,
      MetricName: metric,
      Namespace: namespace,
      Period: 60,
      Statistic: 'Maximum',
      Threshold: threshold,
      TreatMissingData: 'notBreaching',
    },
  };
}

/** The tier's backup: vault, key, plan (copying to the recovery vault) and tag selection. */
function tierBackup(
  stack: string,
  tier: string,
  recoveryVaultName: string,
  out: Resources,
): string {
  const key = logicalId(stack, `Vault${tier}Key`);
  const vault = logicalId(stack, `Vault${tier}`);
  const backupRole = logicalId(stack, `Backup${tier}Role`);
  const plan = logicalId(stack, `Backup${tier}`);
  const vaultName = `${stack}-${tier}`;
  out[key] = {
    Type: 'AWS::KMS::Key',
    Properties: { EnableKeyRotation: true, KeyPolicy: { Statement: [], Version: '2012-10-17' } },
    UpdateReplacePolicy: 'Retain',
    DeletionPolicy: 'Retain',
  };
  out[vault] = {
    Type: 'AWS::Backup::BackupVault',
    Properties: {
      BackupVaultName: vaultName,
      EncryptionKeyArn: { 'Fn::GetAtt': [key, 'Arn'] },
      ...(tier === 'gold'
        ? { LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 35 } }
        : {}),
    },
    UpdateReplacePolicy: 'Retain',
    DeletionPolicy: 'Retain',
  };
  out[backupRole] = role(stack, `Backup${tier}Role`, 'backup.amazonaws.com');
  const days = tier === 'gold' ? 35 : tier === 'silver' ? 14 : 7;
  out[plan] = {
    Type: 'AWS::Backup::BackupPlan',
    Properties: {
      BackupPlan: {
        BackupPlanName: `${stack}-${tier}`,
        BackupPlanRule: [
          {
            RuleName: tier === 'bronze' ? 'every-12h-copy' : 'every-1h-copy',
            ScheduleExpression: tier === 'bronze' ? 'cron(0 0/12 * * ? *)' : 'cron(0 * * * ? *)',
            StartWindowMinutes: 60,
            CompletionWindowMinutes: 120,
            Lifecycle: { DeleteAfterDays: days },
            TargetBackupVault: { 'Fn::GetAtt': [vault, 'BackupVaultName'] },
            CopyActions: [
              {
                DestinationBackupVaultArn: `arn:aws:backup:${BENCH_RECOVERY}:${BENCH_ACCOUNT}:backup-vault:${recoveryVaultName}`,
                Lifecycle: { DeleteAfterDays: days },
              },
            ],
          },
        ],
      },
    },
  };
  out[logicalId(stack, `Backup${tier}Selection`)] = {
    Type: 'AWS::Backup::BackupSelection',
    Properties: {
      BackupPlanId: { 'Fn::GetAtt': [plan, 'BackupPlanId'] },
      BackupSelection: {
        SelectionName: `${tier}-tagged`,
        IamRoleArn: { 'Fn::GetAtt': [backupRole, 'Arn'] },
        Resources: ['*'],
        Conditions: {
          // Each stack's plans back up that stack's stores only: without the group condition every
          // stack's plan would select every store of its tier in the Region, an estate nobody
          // deploys (each table backed up once per stack) whose cost grows with stacks x stores.
          StringEquals: [
            { ConditionKey: 'aws:ResourceTag/continuity:tier', ConditionValue: tier },
            { ConditionKey: `aws:ResourceTag/${GROUP_TAG}`, ConditionValue: stack },
          ],
        },
      },
    },
  };
  return vaultName;
}

/** One service's resources in its primary stack, and its S3 replica in the recovery stack. */
function service(
  index: number,
  primary: string,
  recovery: string,
  out: Resources,
  recoveryOut: Resources,
): void {
  const name = `svc${index}`;
  const tier = BENCH_TIERS[index % BENCH_TIERS.length]!;
  const replicated = tier !== 'bronze';
  // every seventh service forgets point-in-time recovery: a realistic share of findings
  const pitr = index % 7 !== 3;
  const prefix = `Svc${index}`;
  const table = logicalId(primary, `${prefix}Table`);
  const replica = (region: string): Json => ({
    Region: region,
    DeletionProtectionEnabled: true,
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: pitr },
    Tags: tags(name, tier, primary),
  });
  out[table] = {
    Type: 'AWS::DynamoDB::GlobalTable',
    Properties: {
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      Replicas: replicated
        ? [replica(BENCH_RECOVERY), replica(BENCH_PRIMARY)]
        : [replica(BENCH_PRIMARY)],
      ...(replicated ? { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } } : {}),
    },
    UpdateReplacePolicy: 'Retain',
    DeletionPolicy: 'Retain',
    Metadata: meta(primary, `${prefix}Table`),
  };
  const bucket = logicalId(primary, `${prefix}Bucket`);
  const replicaName = `${name}-replica-${logicalId(recovery, name).slice(-8).toLowerCase()}`;
  const replicationRole = logicalId(primary, `${prefix}BucketReplicationRole`);
  out[bucket] = {
    Type: 'AWS::S3::Bucket',
    Properties: {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      ...(replicated
        ? {
            ReplicationConfiguration: {
              Role: { 'Fn::GetAtt': [replicationRole, 'Arn'] },
              Rules: [
                {
                  Id: 'continuity-recovery-region',
                  Status: 'Enabled',
                  Priority: 0,
                  Filter: { Prefix: '' },
                  DeleteMarkerReplication: { Status: 'Disabled' },
                  Destination: {
                    Bucket: `arn:aws:s3:::${replicaName}`,
                    Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
                    ...(tier === 'gold'
                      ? { ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } } }
                      : {}),
                  },
                },
              ],
            },
          }
        : {}),
      Tags: tags(name, tier, primary),
    },
    UpdateReplacePolicy: 'Retain',
    DeletionPolicy: 'Retain',
    Metadata: meta(primary, `${prefix}Bucket`),
  };
  out[logicalId(primary, `${prefix}BucketPolicy`)] = sslOnlyPolicy(bucket);
  // unrelated compute the checker must read past: a function, its role and log group
  const fnRole = logicalId(primary, `${prefix}ApiServiceRole`);
  out[fnRole] = role(primary, `${prefix}Api/ServiceRole`, 'lambda.amazonaws.com');
  out[logicalId(primary, `${prefix}Api`)] = {
    Type: 'AWS::Lambda::Function',
    Properties: {
      Code: { ZipFile: "exports.handler = async () => ({ statusCode: 200, body: 'ok' });" },
      Handler: 'index.handler',
      Role: { 'Fn::GetAtt': [fnRole, 'Arn'] },
      Runtime: 'nodejs22.x',
      Timeout: 10,
      Tags: [{ Key: 'continuity:service', Value: name }],
    },
    DependsOn: [fnRole],
    Metadata: meta(primary, `${prefix}Api`),
  };
  out[logicalId(primary, `${prefix}ApiLogs`)] = {
    Type: 'AWS::Logs::LogGroup',
    Properties: { RetentionInDays: 30 },
    UpdateReplacePolicy: 'Delete',
    DeletionPolicy: 'Delete',
  };
  if (!replicated) {
    return;
  }
  out[replicationRole] = role(primary, `${prefix}BucketReplicationRole`, 's3.amazonaws.com');
  out[logicalId(primary, `${prefix}BucketReplicationPolicy`)] = {
    Type: 'AWS::IAM::Policy',
    Properties: {
      PolicyDocument: {
        Statement: [
          {
            Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [bucket, 'Arn'] },
          },
          {
            Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
            Effect: 'Allow',
            Resource: `arn:aws:s3:::${replicaName}/*`,
          },
        ],
        Version: '2012-10-17',
      },
      PolicyName: `${prefix}BucketReplicationPolicy`,
      Roles: [{ Ref: replicationRole }],
    },
  };
  out[logicalId(primary, `${prefix}TableLatencyAlarm`)] = alarm(
    'ReplicationLatency',
    'AWS/DynamoDB',
    [
      { Name: 'ReceivingRegion', Value: BENCH_RECOVERY },
      { Name: 'TableName', Value: { Ref: table } },
    ],
    tier === 'gold' ? 450_000 : 1_800_000,
  );
  out[logicalId(primary, `${prefix}BucketLatencyAlarm`)] = alarm(
    'ReplicationLatency',
    'AWS/S3',
    [
      { Name: 'SourceBucket', Value: { Ref: bucket } },
      { Name: 'DestinationBucket', Value: replicaName },
      { Name: 'RuleId', Value: 'continuity-recovery-region' },
    ],
    tier === 'gold' ? 450 : 1800,
  );
  const replicaBucket = logicalId(recovery, `${prefix}ReplicaBucket`);
  recoveryOut[replicaBucket] = {
    Type: 'AWS::S3::Bucket',
    Properties: {
      BucketName: replicaName,
      VersioningConfiguration: { Status: 'Enabled' },
      Tags: tags(name, tier, primary),
    },
    UpdateReplacePolicy: 'Retain',
    DeletionPolicy: 'Retain',
  };
  recoveryOut[logicalId(recovery, `${prefix}ReplicaBucketPolicy`)] = sslOnlyPolicy(replicaBucket);
}

/**
 * The continuity spec of services `0..count-1` (tiers gold, silver, bronze in turn), each a
 * table, a bucket and, unless `compute` is false, a function.
 */
export function benchSpec(count: number, compute = true): Json {
  return {
    regions: { primary: BENCH_PRIMARY, recovery: BENCH_RECOVERY },
    services: Array.from({ length: count }, (_, i) => ({
      name: `svc${i}`,
      tier: BENCH_TIERS[i % BENCH_TIERS.length],
      owner: `team-${i % 17}`,
      resources: [
        { kind: 'dynamodb', logicalId: `Svc${i}Table`, sizeGiB: 10 + (i % 50) },
        { kind: 's3', logicalId: `Svc${i}Bucket`, sizeGiB: 100 + (i % 500) },
        ...(compute ? [{ kind: 'lambda', logicalId: `Svc${i}Api` }] : []),
      ],
    })),
  };
}

function template(stack: string, region: string, resources: Resources): Json {
  return {
    Description: `continuity-kit benchmark ${stack} (${region})`,
    Resources: resources,
    Parameters: {
      BootstrapVersion: {
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: '/cdk-bootstrap/hnb659fds/version',
      },
    },
  };
}

/**
 * Writes a `cdk.out`-like cloud assembly (manifest.json plus one template per stack) of gold,
 * silver and bronze services until it holds at least `minResources` resources, and the matching
 * spec. Per group of services: a primary stack (tier vaults, backup plans and selections, tables,
 * buckets, replication roles, alarms, functions) and a recovery stack (vaults, replica buckets).
 * Deterministic: the same options write the same bytes.
 */
export function generateAssembly(options: GenerateAssemblyOptions): GeneratedAssembly {
  const perStack = options.servicesPerStack ?? 10;
  mkdirSync(options.dir, { recursive: true });
  const artifacts: Record<string, Json> = {};
  const templateFiles: string[] = [];
  const types: Record<string, number> = {};
  let resources = 0;
  let services = 0;
  const write = (stack: string, region: string, body: Resources): void => {
    const file = `${stack}.template.json`;
    // cdk synth writes templates indented by one space
    writeFileSync(join(options.dir, file), JSON.stringify(template(stack, region, body), null, 1));
    templateFiles.push(join(options.dir, file));
    artifacts[stack] = {
      type: 'aws:cloudformation:stack',
      environment: `aws://${BENCH_ACCOUNT}/${region}`,
      properties: { templateFile: file, stackName: stack },
    };
    for (const r of Object.values(body) as { Type: string }[]) {
      types[r.Type] = (types[r.Type] ?? 0) + 1;
    }
    resources += Object.keys(body).length;
  };
  for (let group = 0; resources < options.minResources; group++) {
    const primary = `BenchPrimary${group + 1}`;
    const recovery = `BenchRecovery${group + 1}`;
    const out: Resources = {};
    const recoveryOut: Resources = {};
    for (const tier of BENCH_TIERS) {
      const recoveryVault = `${recovery}-${tier}`;
      recoveryOut[logicalId(recovery, `Vault${tier}`)] = {
        Type: 'AWS::Backup::BackupVault',
        Properties: { BackupVaultName: recoveryVault },
        UpdateReplacePolicy: 'Retain',
        DeletionPolicy: 'Retain',
      };
      tierBackup(primary, tier, recoveryVault, out);
    }
    const size = (): number =>
      resources + Object.keys(out).length + Object.keys(recoveryOut).length;
    // at least one service per group, then stop at the requested size
    for (let i = 0; i < perStack && (i === 0 || size() < options.minResources); i++) {
      service(services, primary, recovery, out, recoveryOut);
      services++;
    }
    write(recovery, BENCH_RECOVERY, recoveryOut);
    write(primary, BENCH_PRIMARY, out);
  }
  writeFileSync(
    join(options.dir, 'manifest.json'),
    JSON.stringify({ version: '48.0.0', artifacts }, null, 1),
  );
  const specFile = join(options.dir, 'continuity.json');
  writeFileSync(specFile, JSON.stringify(benchSpec(services), null, 1));
  return {
    dir: options.dir,
    specFile,
    templateFiles,
    resources,
    stacks: templateFiles.length,
    services,
    types,
  };
}
