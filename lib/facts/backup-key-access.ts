// What AWS Backup needs of a customer-managed KMS key to write, copy and restore recovery points
// encrypted with it, and how a key policy limits that use to AWS Backup in one Region.
// https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
// https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service

/** KMS actions AWS Backup calls on a vault's key. */
export const BACKUP_KEY_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:DescribeKey',
  'kms:CreateGrant',
] as const;

/** `kms:ViaService` value that limits key use to AWS Backup in `region` (a literal or a token). */
export function backupViaService(region: string): string {
  return `backup.${region}.amazonaws.com`;
}
