export * from './format-duration';
export * from './parse-duration';
