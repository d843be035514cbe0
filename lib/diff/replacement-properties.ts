import type { ReplacementRule } from './replacement-rule';

/**
 * `aws:dynamodb/table:Table`, the one Pulumi type for both a DynamoDB table and a global table
 * (whose other Regions are its `replicas`).
 */
const PULUMI_DYNAMODB_TABLE = {
  'aws:dynamodb/table:Table': {
    docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/dynamodb/table/',
    replacement: [
      'hashKey',
      'importTable',
      'localSecondaryIndexes',
      'name',
      'rangeKey',
      'region',
      'restoreDateTime',
      'restoreSourceName',
      'restoreSourceTableArn',
      'restoreToLatestTime',
    ],
    conditional: [],
  },
} as const;

/**
 * Per stateful resource type, the properties whose change makes CloudFormation replace the
 * resource (a new physical resource, the old one deleted unless `UpdateReplacePolicy` keeps it).
 *
 * `replacement` is pinned from the `createOnlyProperties` of each type's CloudFormation registry
 * schema (the "Update requires: Replacement" properties of the template reference page in
 * `docsUrl`), as compiled in the AWS CDK service spec (`aws-cdk/db.json.gz`, where
 * `causesReplacement` is `yes`). A test compares this table with that database, so a schema
 * change is noticed.
 *
 * `conditional` lists properties documented as replacing the resource only in some cases (the
 * spec's `causesReplacement: maybe`, plus the noted additions): a change to one is reported as
 * "may replace" (fail closed). `interruptionOnly` lists the `maybe` properties the reference
 * page documents as "Some interruptions" (a reboot or failover, not a new resource), so every
 * flagged property is classified on purpose. `updateFails` lists immutable properties whose
 * change CloudFormation refuses (the update fails, nothing is replaced).
 *
 * `liveData` is true for stores an application reads and writes: when one is replaced or renamed,
 * the application moves to a new, empty store even if the old one is retained. A retained backup
 * vault keeps its recovery points restorable and a retained KMS key keeps old data decryptable,
 * so for those a retained old copy loses nothing.
 *
 * `pulumi` gives, per `@pulumi/aws` type that reads as this CloudFormation type, the input names
 * whose change makes Pulumi replace the resource: the attributes the provider marks "forces new
 * resource" (ForceNew in the bridged Terraform AWS provider schema; `conditional` for its
 * ForceNewIf cases), derived from the type's createOnly properties and checked against the
 * registry page in `docsUrl`. `region` is in every list: since @pulumi/aws 7, a resource's
 * `region` input forces a replacement when it changes
 * (https://www.pulumi.com/registry/packages/aws/how-to-guides/aws-enhanced-region-support/).
 * Pulumi has no refused-update case: a changed ForceNew input always means a new resource.
 */
export const REPLACEMENT_PROPERTIES = {
  'AWS::DynamoDB::Table': {
    docsUrl:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-table.html',
    liveData: true,
    replacement: ['ImportSourceSpecification', 'KeySchema', 'TableName'],
    // Not createOnly in the schema, but "a local secondary index can only be created when its
    // parent table is created" and its sub-properties say "Updates are not supported":
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-dynamodb-table-localsecondaryindex.html
    conditional: ['LocalSecondaryIndexes'],
    interruptionOnly: [],
    updateFails: [],
    pulumi: PULUMI_DYNAMODB_TABLE,
  },
  'AWS::DynamoDB::GlobalTable': {
    docsUrl:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-globaltable.html',
    liveData: true,
    replacement: ['KeySchema', 'LocalSecondaryIndexes', 'TableName'],
    conditional: [],
    interruptionOnly: [],
    updateFails: [],
    pulumi: PULUMI_DYNAMODB_TABLE,
  },
  'AWS::RDS::DBInstance': {
    docsUrl:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html',
    liveData: true,
    replacement: [
      'BackupTarget',
      'CharacterSetName',
      'CustomIAMInstanceProfile',
      'DBClusterIdentifier',
      'DBInstanceIdentifier',
      'DBName',
      'DBSubnetGroupName',
      'DBSystemId',
      'KmsKeyId',
      'MasterUsername',
      'NcharCharacterSetName',
      'Port',
      'SourceRegion',
      'StorageEncrypted',
      'Timezone',
    ],
    // Engine changes replace except in-place conversions; changing a restore source (snapshot,
    // point in time, source instance) restores a new instance; a single-AZ instance cannot move.
    conditional: [
      'AvailabilityZone',
      'DBClusterSnapshotIdentifier',
      'DBSnapshotIdentifier',
      'Engine',
      'PerformanceInsightsKMSKeyId',
      'RestoreTime',
      'SourceDBClusterIdentifier',
      'SourceDBInstanceAutomatedBackupsArn',
      'SourceDBInstanceIdentifier',
      'SourceDbiResourceId',
      'UseLatestRestorableTime',
    ],
    interruptionOnly: [
      'AutoMinorVersionUpgrade',
      'BackupRetentionPeriod',
      'DBParameterGroupName',
      'MultiAZ',
      'PreferredMaintenanceWindow',
      'StorageType',
    ],
    updateFails: [],
    pulumi: {
      'aws:rds/instance:Instance': {
        docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/rds/instance/',
        replacement: [
          'availabilityZone',
          'characterSetName',
          'customIamInstanceProfile',
          'dbName',
          'engine',
          'identifier',
          'identifierPrefix',
          'kmsKeyId',
          'ncharCharacterSetName',
          'region',
          'restoreToPointInTime',
          's3Import',
          'snapshotIdentifier',
          'storageEncrypted',
          'timezone',
          'username',
        ],
        // moving to another subnet group replaces the instance unless RDS can move it in place
        // (CloudFormation's DBSubnetGroupName is createOnly); fail closed
        conditional: ['dbSubnetGroupName'],
      },
      'aws:rds/clusterInstance:ClusterInstance': {
        docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/rds/clusterinstance/',
        replacement: [
          'availabilityZone',
          'clusterIdentifier',
          'customIamInstanceProfile',
          'dbSubnetGroupName',
          'engine',
          'identifier',
          'identifierPrefix',
          'region',
        ],
        conditional: [],
      },
    },
  },
  'AWS::RDS::DBCluster': {
    docsUrl:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbcluster.html',
    liveData: true,
    replacement: [
      'AvailabilityZones',
      'ClusterScalabilityType',
      'DBClusterIdentifier',
      'DBSubnetGroupName',
      'DBSystemId',
      'DatabaseName',
      'EngineMode',
      'KmsKeyId',
      'PubliclyAccessible',
      'RestoreToTime',
      'RestoreType',
      'SnapshotIdentifier',
      'SourceDBClusterIdentifier',
      'SourceDbClusterResourceId',
      'SourceRegion',
      'StorageEncrypted',
      'UseLatestRestorableTime',
      'WithExpressConfiguration',
    ],
    conditional: ['Engine', 'GlobalClusterIdentifier', 'MasterUsername'],
    interruptionOnly: [],
    updateFails: [],
    pulumi: {
      'aws:rds/cluster:Cluster': {
        docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/rds/cluster/',
        replacement: [
          'availabilityZones',
          'clusterIdentifier',
          'clusterIdentifierPrefix',
          'clusterScalabilityType',
          'databaseName',
          'dbSubnetGroupName',
          'dbSystemId',
          'engine',
          'engineMode',
          'kmsKeyId',
          'masterUsername',
          'region',
          'restoreToPointInTime',
          's3Import',
          'snapshotIdentifier',
          'sourceRegion',
          'storageEncrypted',
        ],
        // `storageType` forces a new cluster except for Aurora engines
        conditional: ['storageType'],
      },
    },
  },
  'AWS::RDS::GlobalCluster': {
    docsUrl:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-globalcluster.html',
    liveData: true,
    replacement: [
      'Engine',
      'GlobalClusterIdentifier',
      'SourceDBClusterIdentifier',
      'StorageEncrypted',
    ],
    conditional: [],
    interruptionOnly: [],
    updateFails: [],
    pulumi: {
      'aws:rds/globalCluster:GlobalCluster': {
        docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/rds/globalcluster/',
        replacement: [
          'databaseName',
          'engine',
          'globalClusterIdentifier',
          'region',
          'sourceDbClusterIdentifier',
          'storageEncrypted',
        ],
        conditional: [],
      },
    },
  },
  'AWS::S3::Bucket': {
    docsUrl:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html',
    liveData: true,
    replacement: ['BucketName', 'BucketNamePrefix', 'BucketNamespace', 'ObjectLockEnabled'],
    conditional: [],
    interruptionOnly: [],
    updateFails: [],
    pulumi: {
      'aws:s3/bucket:Bucket': {
        docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/s3/bucket/',
        replacement: ['bucket', 'bucketPrefix', 'objectLockEnabled', 'region'],
        conditional: [],
      },
      'aws:s3/bucketV2:BucketV2': {
        docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/s3/bucketv2/',
        replacement: ['bucket', 'bucketPrefix', 'objectLockEnabled', 'region'],
        conditional: [],
      },
    },
  },
  'AWS::EFS::FileSystem': {
    docsUrl:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-efs-filesystem.html',
    liveData: true,
    replacement: ['AvailabilityZoneName', 'Encrypted', 'KmsKeyId', 'PerformanceMode'],
    conditional: [],
    interruptionOnly: [],
    updateFails: [],
    pulumi: {
      'aws:efs/fileSystem:FileSystem': {
        docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/efs/filesystem/',
        replacement: [
          'availabilityZoneName',
          'creationToken',
          'encrypted',
          'kmsKeyId',
          'performanceMode',
          'region',
        ],
        conditional: [],
      },
    },
  },
  'AWS::EC2::Volume': {
    docsUrl:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-volume.html',
    liveData: true,
    replacement: [],
    // The schema marks every property mutable, but EBS cannot move a volume to another AZ,
    // change its encryption or its source in place (ModifyVolume takes Size, VolumeType, Iops,
    // Throughput and MultiAttachEnabled only):
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVolume.html
    conditional: [
      'AvailabilityZone',
      'AvailabilityZoneId',
      'Encrypted',
      'KmsKeyId',
      'OutpostArn',
      'SnapshotId',
      'SourceVolumeId',
    ],
    interruptionOnly: [],
    updateFails: [],
    pulumi: {
      'aws:ebs/volume:Volume': {
        docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/ebs/volume/',
        replacement: [
          'availabilityZone',
          'encrypted',
          'kmsKeyId',
          'outpostArn',
          'region',
          'snapshotId',
        ],
        conditional: [],
      },
    },
  },
  'AWS::Backup::BackupVault': {
    docsUrl:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-backup-backupvault.html',
    liveData: false,
    replacement: ['BackupVaultName', 'EncryptionKeyArn'],
    conditional: [],
    interruptionOnly: [],
    updateFails: [],
    pulumi: {
      'aws:backup/vault:Vault': {
        docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/backup/vault/',
        replacement: ['kmsKeyArn', 'name', 'region'],
        conditional: [],
      },
    },
  },
  'AWS::KMS::Key': {
    docsUrl:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kms-key.html',
    liveData: false,
    replacement: [],
    conditional: [],
    interruptionOnly: [],
    // "If you change the value of the KeySpec, KeyUsage, Origin, or MultiRegion properties of an
    // existing KMS key, the update request fails, regardless of the value of the
    // UpdateReplacePolicy attribute" (docsUrl above).
    updateFails: ['KeySpec', 'KeyUsage', 'MultiRegion', 'Origin'],
    pulumi: {
      'aws:kms/key:Key': {
        docsUrl: 'https://www.pulumi.com/registry/packages/aws/api-docs/kms/key/',
        replacement: [
          'customKeyStoreId',
          'customerMasterKeySpec',
          'keyUsage',
          'multiRegion',
          'region',
          'xksKeyId',
        ],
        conditional: [],
      },
    },
  },
} as const;

/** A CloudFormation type continuity diff treats as stateful. */
export type StatefulType = keyof typeof REPLACEMENT_PROPERTIES;

/** Stateful types, in table order. */
export const STATEFUL_TYPES = Object.keys(REPLACEMENT_PROPERTIES) as readonly StatefulType[];

/** The update behaviour of a type, or `undefined` when continuity diff does not track it. */
export function replacementRule(type: string): ReplacementRule | undefined {
  return Object.prototype.hasOwnProperty.call(REPLACEMENT_PROPERTIES, type)
    ? REPLACEMENT_PROPERTIES[type as StatefulType]
    : undefined;
}
