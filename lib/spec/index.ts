// The zod schemas (spec-schema, duration-field, strict-mapping) are not re-exported: importing
// them loads zod, which `continuity check` needs only for an invalid spec. Import them by path.
export * from './check-dependencies';
export * from './check-reachability';
export * from './check-regions';
export * from './check-services';
export * from './indexed-service';
export * from './issue-path';
export * from './load-spec';
export * from './parse-spec';
export * from './resolve-tiers';
export * from './spec-constants';
export * from './spec-digest';
export * from './spec-document';
export * from './spec-issue';
export type { TierOverride } from './spec-schema';
export * from './spec-to-json';
export * from './validate-spec';
