import type { StoreKind } from '../model';

/**
 * The AWS Backup resource type of each store kind, as restore jobs (`--resource-type`), restore
 * testing selections and recovery points name it.
 *
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_GetSupportedResourceTypes.html
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingSelectionForCreate.html
 */
export const BACKUP_RESOURCE_TYPES: Readonly<Record<StoreKind, string>> = {
  dynamodb: 'DynamoDB',
  s3: 'S3',
  rds: 'RDS',
  aurora: 'Aurora',
  efs: 'EFS',
  ebs: 'EBS',
};
