export * from './backup-defaults';
export * from './best-achievable';
export * from './capabilities';
export * from './doc-source';
export * from './failover-timing';
export * from './restore-estimates';
export * from './sources';
export * from './store-support';
