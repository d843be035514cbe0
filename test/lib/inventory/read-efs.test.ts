import { readInventory } from '../../../lib/inventory';
import { fixture, store } from './fixtures';

describe('EFS file systems and EBS volumes', () => {
  const good = readInventory([fixture('efs-compliant.yaml')], { region: 'us-east-1' });
  const bad = readInventory([fixture('efs-deficient.json')], { region: 'us-east-1' });

  test('reads a Regional, encrypted, replicated file system with automatic backups', () => {
    // GIVEN
    // WHEN
    const fs = store(good, 'Shared');
    // THEN
    expect(fs).toMatchObject({
      kind: 'efs',
      multiAz: true,
      encrypted: true,
      automaticBackups: true,
      replicas: [{ mechanism: 'efs-replication', region: 'us-west-2' }],
      tags: { 'continuity:service': 'media' },
    });
  });

  test('reads One Zone as single-AZ with automatic backups on by default, and the replica region from its AZ', () => {
    // GIVEN
    // WHEN
    const fs = store(bad, 'Scratch');
    // THEN
    expect(fs).toMatchObject({ multiAz: false, automaticBackups: true, encrypted: false });
    expect(fs.replicas).toEqual([{ mechanism: 'efs-replication', region: 'us-west-2' }]);
  });

  test('reads a disabled backup policy as no automatic backups', () => {
    // GIVEN
    // WHEN
    const fs = store(bad, 'NoBackup');
    // THEN
    expect(fs).toMatchObject({ multiAz: true, automaticBackups: false, replicas: [] });
  });

  test('reads an EBS volume as a single-AZ store', () => {
    // GIVEN
    // WHEN
    const volume = store(bad, 'Data');
    // THEN
    expect(volume).toMatchObject({
      kind: 'ebs',
      multiAz: false,
      pointInTimeRecovery: false,
      tags: { 'continuity:service': 'media' },
    });
  });
});
