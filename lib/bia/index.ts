export { biaFileSchema, costModelOverrideSchema, serviceImpactSchema } from './bia-schema';
export type { BiaFile } from './bia-schema';
export * from './business-impact';
export * from './cost-model';
export * from './downtime-cost';
export * from './parse-bia';
export * from './recommend-tier';
export * from './tier-running-cost';
