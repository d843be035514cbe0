import { isUnresolved } from '../../model';
import { locationOf } from '../continuity-rule';
import type { Vault } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** RR-VLT1: backup vaults encrypt with a customer-managed KMS key. */
export const vaultHasCustomerManagedKey: ContinuityRule<Vault> = {
  id: 'RR-VLT1',
  name: 'vaultHasCustomerManagedKey',
  title: 'Backup vaults encrypt recovery points with a customer-managed KMS key',
  violation: 'A backup vault uses the AWS managed key (aws/backup) or an AWS owned key',
  rationale:
    'With a customer-managed key you control the key policy, can share recovery points with a recovery account, and can audit and revoke use of the key; AWS managed keys cannot be shared across accounts.',
  fix: 'set EncryptionKeyArn of the vault to a customer-managed AWS::KMS::Key',
  severity: 'warning',
  docsUrl: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html',
  subjects: (context) => context.inventory.vaults,
  locate: (vault) => ({ resource: locationOf(vault, 'AWS::Backup::BackupVault') }),
  check: (vault) => {
    if (isUnresolved(vault.customerManagedKey)) {
      return {
        status: 'unknown',
        message: `the encryption key of vault ${vault.id} is known only at deploy time`,
      };
    }
    return vault.customerManagedKey
      ? { status: 'compliant' }
      : {
          status: 'non-compliant',
          message: `vault ${vault.id} is not encrypted with a customer-managed KMS key`,
        };
  },
};
