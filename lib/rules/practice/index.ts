export * from './drill-on-time';
export * from './plan-reviewed-on-time';
export * from './suppressions-current';
