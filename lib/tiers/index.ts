export * from './built-in-tiers';
export * from './looser-disruptions';
