// AWS Backup sends job state changes to EventBridge with source `aws.backup`; a job that failed
// (or, for backup jobs, expired before it started or was aborted) ends in these states.
// https://docs.aws.amazon.com/aws-backup/latest/devguide/eventbridge.html

/** EventBridge source of AWS Backup events. */
export const BACKUP_EVENT_SOURCE = 'aws.backup';

/** The AWS Backup job events that mean a recovery point, copy or restore did not happen. */
export const BACKUP_JOB_FAILURE_EVENTS = [
  {
    job: 'backup',
    detailType: 'Backup Job State Change',
    states: ['FAILED', 'EXPIRED', 'ABORTED'],
  },
  { job: 'copy', detailType: 'Copy Job State Change', states: ['FAILED'] },
  { job: 'restore', detailType: 'Restore Job State Change', states: ['FAILED'] },
] as const;

/** One of {@link BACKUP_JOB_FAILURE_EVENTS}. */
export type BackupJobFailureEvent = (typeof BACKUP_JOB_FAILURE_EVENTS)[number];

/** The detail-type of backup (not copy or restore) job state changes. */
export const BACKUP_JOB_DETAIL_TYPE = BACKUP_JOB_FAILURE_EVENTS[0].detailType;
