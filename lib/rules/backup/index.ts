export * from './backup-frequency-within-rpo';
export * from './backup-retention-meets-tier';
export * from './backup-selections-resolve';
export * from './cold-storage-lifecycle-valid';
export * from './copies-leave-region';
export * from './region-copy-exists';
export * from './replication-has-point-in-time';
