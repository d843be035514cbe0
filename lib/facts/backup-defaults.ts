import type { Fact } from './doc-source';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/**
 * What AWS Backup does when a backup rule leaves a setting out.
 *
 * The engine uses these for templates that omit `ScheduleExpression`, `StartWindowMinutes` or
 * `CompletionWindowMinutes`; the planner always sets all three explicitly.
 */
export const BACKUP_DEFAULTS = {
  /** No schedule: AWS Backup runs the rule daily at 05:00 UTC. */
  scheduleExpression: 'cron(0 5 ? * * *)',
  /** Seconds between two starts of the default schedule. */
  schedule: {
    seconds: DAY,
    basis: 'documented-typical',
    source: {
      title: 'AWS Backup API Reference: BackupRule (ScheduleExpression)',
      url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupRule.html',
    },
    note: 'when no cron expression is provided, AWS Backup uses cron(0 5 ? * * *), daily at 05:00 UTC',
  },
  /** Absent start window: 8 hours. */
  startWindow: {
    seconds: 8 * HOUR,
    basis: 'documented-typical',
    source: {
      title: 'AWS Backup API Reference: StartBackupJob (StartWindowMinutes)',
      url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_StartBackupJob.html',
    },
    note: 'the start window is optional and defaults to 8 hours; when set it must be at least 60 minutes',
  },
  /** Absent completion window: 7 days. */
  completionWindow: {
    seconds: 7 * DAY,
    basis: 'documented-typical',
    source: {
      title: 'AWS Backup Developer Guide: Backup plan options and configuration',
      url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/plan-options-and-configuration.html',
    },
    note: 'the backup window defaults to "complete within 7 days" when no completion window is set',
  },
  /** Smallest start window AWS accepts when one is set. */
  minStartWindow: {
    seconds: 60 * MINUTE,
    basis: 'documented-typical',
    source: {
      title: 'AWS Backup API Reference: BackupRuleInput (StartWindowMinutes)',
      url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupRuleInput.html',
    },
    note: 'if StartWindowMinutes is included, it must be at least 60 minutes to avoid errors',
  },
  /** Most frequent snapshot schedule AWS Backup accepts. */
  minInterval: {
    seconds: HOUR,
    basis: 'documented-typical',
    source: {
      title: 'AWS Backup Developer Guide: Backup frequency',
      url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html',
    },
    note: 'snapshot backups can run at most once an hour',
  },
  /** Cold storage minimum stay. */
  minColdStorage: {
    seconds: 90 * DAY,
    basis: 'documented-typical',
    source: {
      title: 'AWS Backup Developer Guide: Lifecycle and storage tiers',
      url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/plan-options-and-configuration.html',
    },
    note: 'recovery points in cold storage must stay there at least 90 days (delete after >= move to cold + 90 days)',
  },
  /**
   * Continuous backup retention bounds, days.
   * https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery-retention-period.html
   */
  continuousRetentionDays: { min: 1, max: 35 },
  /** Compliance-mode vault lock minimum cooling-off, days. */
  complianceMinChangeableForDays: 3,
} as const satisfies Record<string, Fact | string | { min: number; max: number } | number>;
