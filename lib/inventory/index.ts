export * from './inventory-from-templates';
export * from './read-inventory';
export * from './stack-template';
export * from './parse-template';
export * from './yaml-intrinsics';
export * from './read-acknowledgements';
export * from './embedded-spec';
