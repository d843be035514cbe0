export * from './inventory-from-pulumi';
export * from './pulumi-resource-record';
export * from './pulumi-type-map';
export * from './pulumi-values';
