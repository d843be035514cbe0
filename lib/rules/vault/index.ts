export * from './vault-has-customer-managed-key';
export * from './vault-lock-allows-retention';
export * from './vault-locked-where-immutable';
