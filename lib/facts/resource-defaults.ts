/**
 * What AWS sets when a template or program leaves a store or compute setting out; the
 * CloudFormation and the Pulumi inventory readers both read absent values as these.
 */
export const RESOURCE_DEFAULTS = {
  /**
   * DynamoDB point-in-time recovery window when `RecoveryPeriodInDays` is absent: 35 days.
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-pointintimerecoveryspecification.html
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html
   */
  dynamodbPitrDays: 35,
  /**
   * RDS automated backup retention when `BackupRetentionPeriod` is absent: 1 day, for DB
   * instances and DB clusters created through CloudFormation or the API (as Pulumi does).
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-backupretentionperiod
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html#cfn-rds-dbcluster-backupretentionperiod
   * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
   * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html
   */
  rdsBackupRetentionDays: 1,
  /**
   * AZs of a Lambda function outside a VPC: Lambda runs functions in multiple AZs of the Region;
   * 2 is the least that "multiple" promises.
   * https://docs.aws.amazon.com/lambda/latest/dg/security-resilience.html
   */
  lambdaMinAzs: 2,
} as const;
