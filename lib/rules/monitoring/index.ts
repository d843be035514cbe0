export * from './backup-failures-alarmed';
export * from './replication-lag-alarmed';
