/** Pulumi package name in every continuity-kit component type token. */
export const PULUMI_PACKAGE = 'continuity-kit';

/**
 * Type tokens (`continuity-kit:<module>:<Type>`) of the Pulumi components.
 *
 * Tokens are part of every child URN: changing one renames every resource below it and needs
 * an alias, so treat them as public API.
 */
export const TYPE_TOKENS = {
  recoveryVault: `${PULUMI_PACKAGE}:backup:RecoveryVault`,
  tierBackup: `${PULUMI_PACKAGE}:backup:TierBackup`,
  restoreTesting: `${PULUMI_PACKAGE}:backup:RestoreTesting`,
  faultInjection: `${PULUMI_PACKAGE}:drills:FaultInjection`,
  protectedStore: `${PULUMI_PACKAGE}:storage:ProtectedStore`,
  standby: `${PULUMI_PACKAGE}:compute:Standby`,
  continuityMonitoring: `${PULUMI_PACKAGE}:monitoring:ContinuityMonitoring`,
  continuityStacks: `${PULUMI_PACKAGE}:index:ContinuityStacks`,
} as const;
