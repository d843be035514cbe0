import { readBackupPlan, readRestoreTestingPlan } from './read-backup-plan';
import { readBackupSelection } from './read-backup-selection';
import { readBackupVault } from './read-backup-vault';
import type { ServiceReaders } from './resource-reader';

/** AWS Backup plans, selections, vaults and restore testing plans. */
export const BACKUP_READERS: ServiceReaders = {
  readers: {
    'AWS::Backup::BackupPlan': readBackupPlan,
    'AWS::Backup::BackupSelection': readBackupSelection,
    'AWS::Backup::BackupVault': readBackupVault,
    'AWS::Backup::LogicallyAirGappedBackupVault': readBackupVault,
    'AWS::Backup::RestoreTestingPlan': readRestoreTestingPlan,
  },
};
