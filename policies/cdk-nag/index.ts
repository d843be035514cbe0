export * from './acknowledge-continuity-rule';
export * from './app-templates';
export * from './continuity-checks';
export * from './finding-placement';
export * from './pack-rules';
export * from './resolve-spec';
export * from './write-continuity-acknowledgements';
