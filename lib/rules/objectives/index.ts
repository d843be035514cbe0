export * from './depends-on-tier-as-strict';
export * from './restore-within-rto';
export * from './service-meets-objectives';
