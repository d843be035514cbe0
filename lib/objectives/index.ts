export * from './achieve';
export * from './achieve-compute';
export * from './achieve-store';
export * from './meets';
export * from './recovery-path';
export * from './store-label';
