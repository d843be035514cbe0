export * from './achieve';
export * from './achieve-compute';
export * from './achieve-store';
export * from './meets';
export * from './propagate-dependencies';
export * from './recovery-path';
export * from './store-label';
