export * from './rules-run-without-error';
