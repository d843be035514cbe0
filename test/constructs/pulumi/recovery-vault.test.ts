import * as aws from '@pulumi/aws';

import { RecoveryVault } from '../../../constructs/pulumi';
import type { DeletionProtection } from '../../../constructs/pulumi';
import type { VaultSpec } from '../../../lib/model';
import { bronzeTier, goldTier } from './fixtures';
import { findRegistration, MOCK_ACCOUNT, ofType, runUnderMocks } from './mock-harness';
import type { Registration } from './mock-harness';

const LOCK = 'aws:backup/vaultLockConfiguration:VaultLockConfiguration';
const VAULT = 'aws:backup/vault:Vault';
const KEY = 'aws:kms/key:Key';
const POLICY = 'aws:backup/vaultPolicy:VaultPolicy';

function vaultProgram(
  vault: VaultSpec,
  allowComplianceLock = false,
  deletionProtection?: DeletionProtection,
) {
  return () => {
    const provider = new aws.Provider('recovery', { region: 'us-west-2' });
    return new RecoveryVault(
      'gold-recovery',
      {
        vault,
        region: 'us-west-2',
        provider,
        allowComplianceLock,
        ...(deletionProtection ? { deletionProtection } : {}),
      },
      {},
    );
  };
}

describe('RecoveryVault with a governance lock in the recovery Region', () => {
  let regs: readonly Registration[];
  beforeAll(async () => {
    regs = (await runUnderMocks(vaultProgram(goldTier().vault))).registrations;
  });

  test('creates exactly a key, a vault, a lock and a policy named from the component', () => {
    // GIVEN a gold vault spec  WHEN rendered  THEN
    const children = regs.filter((r) => r.custom && r.type !== 'pulumi:providers:aws');
    expect(children.map((r) => [r.type, r.name]).sort()).toEqual([
      [VAULT, 'gold-recovery-vault'],
      [LOCK, 'gold-recovery-lock'],
      [POLICY, 'gold-recovery-policy'],
      [KEY, 'gold-recovery-key'],
    ]);
  });

  test('every child is in the recovery Region through the explicit provider', () => {
    // GIVEN / WHEN
    const children = regs.filter((r) => r.custom && r.type !== 'pulumi:providers:aws');
    // THEN
    for (const child of children) {
      expect(child.inputs.region).toBe('us-west-2');
      expect(child.providerRegion).toBe('us-west-2');
      expect(child.options.parent).toContain('RecoveryVault::gold-recovery');
    }
  });

  test('the key rotates and its policy lets AWS Backup use it in this Region only', () => {
    // GIVEN / WHEN
    const key = findRegistration(regs, KEY, 'gold-recovery-key');
    const policy = JSON.parse(String(key.inputs.policy));
    // THEN
    expect(key.inputs.enableKeyRotation).toBe(true);
    expect(key.inputs.deletionWindowInDays).toBe(30);
    expect(policy.Statement[0].Principal.AWS).toBe(`arn:aws:iam::${MOCK_ACCOUNT}:root`);
    expect(policy.Statement[1].Condition.StringEquals).toEqual({
      'kms:CallerAccount': MOCK_ACCOUNT,
      'kms:ViaService': 'backup.us-west-2.amazonaws.com',
    });
  });

  test('the vault is encrypted with the key and carries no physical name', () => {
    // GIVEN / WHEN
    const vault = findRegistration(regs, VAULT, 'gold-recovery-vault');
    // THEN
    expect(vault.inputs.kmsKeyArn).toMatch(/^arn:aws:kms:us-west-2:.*gold-recovery-key/);
    expect(vault.inputs.name).toBeUndefined();
  });

  test('the governance lock has the planned retention bounds and no cooling-off', () => {
    // GIVEN / WHEN
    const lock = findRegistration(regs, LOCK, 'gold-recovery-lock');
    // THEN
    expect(lock.inputs).toMatchObject({ minRetentionDays: 7, maxRetentionDays: 365 });
    expect(lock.inputs.changeableForDays).toBeUndefined();
  });

  test('the access policy denies deleting recovery points to everyone', () => {
    // GIVEN / WHEN
    const reg = findRegistration(regs, POLICY, 'gold-recovery-policy');
    const policy = JSON.parse(String(reg.inputs.policy));
    // THEN
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: expect.arrayContaining(['backup:DeleteRecoveryPoint']),
      }),
    ]);
  });

  test('a locked tier protects and retains the key, vault and lock', () => {
    // GIVEN a governance-locked tier  WHEN rendered  THEN
    for (const type of [KEY, VAULT, LOCK]) {
      const [reg] = ofType(regs, type);
      expect(reg?.options).toMatchObject({ protect: true, retainOnDelete: true });
    }
  });
});

describe('RecoveryVault lock modes', () => {
  test('renders a compliance lock with its cooling-off only with allowComplianceLock', async () => {
    // GIVEN
    const spec: VaultSpec = { ...goldTier().vault, lockMode: 'compliance', changeableForDays: 3 };
    // WHEN
    const { registrations } = await runUnderMocks(vaultProgram(spec, true));
    // THEN
    expect(ofType(registrations, LOCK)[0]?.inputs).toMatchObject({
      changeableForDays: 3,
      minRetentionDays: 7,
      maxRetentionDays: 365,
    });
  });

  test('throws on a planned compliance lock without allowComplianceLock', async () => {
    // GIVEN
    const spec: VaultSpec = { ...goldTier().vault, lockMode: 'compliance' };
    // WHEN / THEN
    await expect(runUnderMocks(vaultProgram(spec))).rejects.toThrow(
      /lockMode 'compliance'.*set allowComplianceLock: true/,
    );
  });

  test('an unlocked tier gets no lock and no policy, but is protected and retained', async () => {
    // GIVEN
    const spec = bronzeTier().vault;
    // WHEN
    const { registrations } = await runUnderMocks(vaultProgram(spec));
    // THEN
    expect(ofType(registrations, LOCK)).toHaveLength(0);
    expect(ofType(registrations, POLICY)).toHaveLength(0);
    for (const type of [KEY, VAULT]) {
      expect(ofType(registrations, type)[0]?.options).toMatchObject({
        protect: true,
        retainOnDelete: true,
      });
    }
  });

  test("deletionProtection 'retain' keeps retainOnDelete and drops protect", async () => {
    // GIVEN
    const spec = bronzeTier().vault;
    // WHEN
    const { registrations } = await runUnderMocks(vaultProgram(spec, false, 'retain'));
    // THEN
    expect(ofType(registrations, VAULT)[0]?.options).toMatchObject({
      protect: false,
      retainOnDelete: true,
    });
  });
});
