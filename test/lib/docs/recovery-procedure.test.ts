import { recoveryProcedure } from '../../../lib/docs';
import type { ProcedureContext, ProcedureStep, RecoveryProcedure } from '../../../lib/docs';
import type { Disruption } from '../../../lib/model';
import { PLAN } from './fixtures';

function procedureOf(
  service: string,
  disruption: Disruption,
  immutable = false,
): RecoveryProcedure {
  const plan = PLAN.services.find((s) => s.service === service);
  if (!plan) {
    throw new Error(`no plan for ${service}`);
  }
  const ctx: ProcedureContext = {
    service,
    tier: plan.tier,
    regions: PLAN.regions,
    recoveryVaultName: `<${plan.tier} vault in us-west-2>`,
    immutable,
  };
  return recoveryProcedure(
    plan,
    disruption,
    ctx,
    PLAN.tiers.find((t) => t.tier === plan.tier),
  );
}

function commandsOf(steps: readonly ProcedureStep[]): string {
  return steps.flatMap((step) => [step.title, ...step.commands]).join('\n');
}

describe('recoveryProcedure: application (corruption, deletion, bad deploy)', () => {
  test.each([
    [
      'dynamodb with PITR restores the table to a point in time',
      'orders',
      /aws dynamodb restore-table-to-point-in-time --region us-east-1 --source-table-name <OrdersTable> --target-table-name <OrdersTable-restored>/,
    ],
    [
      's3 with versioning brings back previous versions',
      'orders',
      /aws s3api list-object-versions --region us-east-1 --bucket <InvoicesBucket>[\s\S]*delete marker version id/,
    ],
    [
      'rds with PITR restores a new instance to a point in time',
      'catalog',
      /aws rds restore-db-instance-to-point-in-time --region us-east-1 --source-db-instance-identifier <CatalogDatabase>/,
    ],
    [
      'aurora with PITR restores a new cluster and adds a writer',
      'payments',
      /restore-db-cluster-to-point-in-time[\s\S]*--source-db-cluster-identifier <PaymentsCluster>[\s\S]*create-db-instance[\s\S]*--db-cluster-identifier <PaymentsCluster-restored>/,
    ],
    [
      'ebs restores the latest AWS Backup recovery point found by resource',
      'reporting',
      /list-recovery-points-by-resource --region us-east-1 --resource-arn <ReportingVolume ARN>[\s\S]*start-restore-job --region us-east-1 --recovery-point-arn "\$RP"[\s\S]*--resource-type EBS/,
    ],
    [
      'efs without PITR restores from AWS Backup',
      'search',
      /start-restore-job[\s\S]*--resource-type EFS/,
    ],
    [
      'ecs rolls back to the last good task definition',
      'orders',
      /aws ecs update-service --region us-east-1 --cluster <OrdersService cluster> --service <OrdersService> --task-definition/,
    ],
    [
      'lambda points the live alias at the last good version',
      'catalog',
      /aws lambda update-alias --region us-east-1 --function-name <CatalogApi>/,
    ],
    [
      'asg rolls back the launch template and refreshes instances',
      'reporting',
      /start-instance-refresh --region us-east-1 --auto-scaling-group-name <ReportingWorkers>/,
    ],
  ])('%s', (_case, service, expected) => {
    // GIVEN / WHEN
    const procedure = procedureOf(service, 'application');
    // THEN
    expect(commandsOf(procedure.steps)).toMatch(expected);
  });

  test('rolls back compute before restoring data', () => {
    // GIVEN / WHEN
    const steps = procedureOf('orders', 'application').steps;
    // THEN
    expect(steps[0].title).toMatch(/^Roll <OrdersService> back/);
    expect(steps.findIndex((s) => /restore-table/.test(s.commands.join()))).toBeGreaterThan(0);
  });
});

describe('recoveryProcedure: region, per strategy and store kind', () => {
  test.each([
    [
      'active-active aurora fails the global database over',
      'payments',
      /aws rds failover-global-cluster --region us-west-2 --global-cluster-identifier <PaymentsCluster-global> --target-db-cluster-identifier .* --allow-data-loss/,
    ],
    [
      'active-active dynamodb global table needs no promotion',
      'payments',
      /nothing to promote[\s\S]*aws dynamodb describe-table --region us-west-2 --table-name <LedgerTable>/,
    ],
    [
      "active-active scales the survivor to both Regions' capacity",
      'payments',
      /Scale <PaymentsService> in us-west-2 from 4 \(standby\) to 8[\s\S]*--desired-count 8/,
    ],
    [
      'active-active withdraws the primary latency record',
      'payments',
      /stopped answering with the us-east-1 latency record[\s\S]*update-health-check .* --inverted/,
    ],
    [
      'warm standby scales the ecs service from 1 to 3',
      'orders',
      /from 1 \(standby\) to 3[\s\S]*aws ecs update-service --region us-west-2 .* --desired-count 3/,
    ],
    [
      'warm standby s3 moves to the replica bucket',
      'orders',
      /replica bucket of <InvoicesBucket> in us-west-2/,
    ],
    [
      'warm standby confirms the failover record',
      'orders',
      /failed the orders record over to the us-west-2 \(secondary\) record[\s\S]*get-health-check-status/,
    ],
    [
      'pilot light promotes the rds read replica',
      'catalog',
      /aws rds promote-read-replica --region us-west-2 --db-instance-identifier <CatalogDatabase-replica>/,
    ],
    [
      'pilot light makes the efs replica writable',
      'search',
      /aws efs delete-replication-configuration --region us-west-2/,
    ],
    [
      'pilot light scales the asg from zero',
      'search',
      /from zero \(pilot light\) to 2[\s\S]*update-auto-scaling-group --region us-west-2 --auto-scaling-group-name <SearchFleet> --min-size 2 --desired-capacity 2/,
    ],
    [
      'pilot light without failover routing changes the DNS record by hand',
      'search',
      /aws route53 change-resource-record-sets --hosted-zone-id/,
    ],
    [
      'backup and restore restores from the copy in the recovery-Region vault',
      'reporting',
      /VAULT="<bronze vault in us-west-2>"[\s\S]*list-recovery-points-by-backup-vault --region us-west-2 --backup-vault-name "\$VAULT" --by-resource-arn <ReportingDb ARN>[\s\S]*--resource-type RDS/,
    ],
    [
      'backup and restore redeploys compute from code',
      'reporting',
      /npx cdk deploy <reporting stacks> --context region=us-west-2/,
    ],
  ])('%s', (_case, service, expected) => {
    // GIVEN / WHEN
    const procedure = procedureOf(service, 'region');
    // THEN
    expect(commandsOf(procedure.steps)).toMatch(expected);
  });

  test('says a store without a cross-Region copy or replica cannot be recovered', () => {
    // GIVEN silver copies nothing; strip the EFS replication of search
    const plan = PLAN.services.find((s) => s.service === 'search');
    const stripped = {
      ...plan!,
      stores: plan!.stores.map((s) => ({ ...s, replication: undefined })),
    };
    // WHEN
    const procedure = recoveryProcedure(
      stripped,
      'region',
      {
        service: 'search',
        tier: 'silver',
        regions: PLAN.regions,
        recoveryVaultName: '<v>',
        immutable: false,
      },
      PLAN.tiers.find((t) => t.tier === 'silver'),
    );
    // THEN
    expect(procedure.steps[0].title).toMatch(
      /No copy of <IndexFileSystem> exists outside us-east-1/,
    );
  });

  test('fails back replicas, capacity and DNS', () => {
    // GIVEN / WHEN
    const failBack = commandsOf(procedureOf('payments', 'region').failBack);
    // THEN
    expect(failBack).toMatch(/aws rds switchover-global-cluster --region us-east-1/);
    expect(failBack).toMatch(/--no-inverted/);
    expect(failBack).toMatch(/Scale <PaymentsService> in us-west-2 back to 4/);
    expect(commandsOf(procedureOf('reporting', 'region').failBack)).toMatch(/npx cdk destroy/);
  });

  test('verifies alarms, the health check and a smoke test in the recovery Region', () => {
    // GIVEN / WHEN
    const verify = procedureOf('orders', 'region').verify;
    // THEN
    expect(verify.map((s) => s.title)).toEqual([
      'Check that no orders alarm is in ALARM in us-west-2',
      'Check the Route 53 health check of the us-west-2 endpoint reports healthy',
      'Run the orders smoke test against the recovered endpoint',
    ]);
    expect(verify[0].commands[0]).toMatch(
      /aws cloudwatch describe-alarms --region us-west-2 --state-value ALARM/,
    );
    expect(verify[2].detail).toMatch(/predicted RPO \(15min\)/);
  });
});

describe('recoveryProcedure: az', () => {
  test.each([
    [
      'multi-AZ rds checks the automatic failover',
      'catalog',
      /describe-events[\s\S]*reboot-db-instance --region us-east-1 --db-instance-identifier <CatalogDatabase> --force-failover/,
    ],
    [
      'single-AZ rds restores into a healthy AZ',
      'reporting',
      /--source-db-instance-identifier <ReportingDb> .*--use-latest-restorable-time --availability-zone <healthy AZ>/,
    ],
    [
      'aurora fails the cluster over to a reader',
      'payments',
      /aws rds failover-db-cluster --region us-east-1 --db-cluster-identifier <PaymentsCluster>/,
    ],
    ['dynamodb has nothing to recover', 'payments', /Nothing to recover for <LedgerTable>/],
    [
      'ecs shifts traffic away with a zonal shift',
      'orders',
      /aws arc-zonal-shift start-zonal-shift --region us-east-1 --resource-identifier <load balancer ARN> --away-from/,
    ],
    [
      'asg moves to the healthy subnets',
      'reporting',
      /--auto-scaling-group-name <ReportingWorkers> --vpc-zone-identifier <subnets of the healthy AZs> --desired-capacity 2/,
    ],
  ])('%s', (_case, service, expected) => {
    // GIVEN / WHEN
    const procedure = procedureOf(service, 'az');
    // THEN
    expect(commandsOf(procedure.steps)).toMatch(expected);
    expect(commandsOf(procedure.failBack)).toMatch(/cancel-zonal-shift/);
  });
});

describe('recoveryProcedure: account', () => {
  test('restores from the locked vault after cutting the account off', () => {
    // GIVEN / WHEN
    const steps = commandsOf(procedureOf('payments', 'account', true).steps);
    // THEN
    expect(steps).toMatch(/^From the security \(break-glass\) account/);
    expect(steps).toMatch(/aws organizations attach-policy --policy-id <deny-all SCP id>/);
    expect(steps).toMatch(
      /list-recovery-points-by-resource --region us-east-1 --resource-arn <PaymentsCluster ARN>[\s\S]*start-restore-job/,
    );
  });

  test('warns when recovery points are not locked', () => {
    // GIVEN / WHEN
    const steps = commandsOf(procedureOf('payments', 'account', false).steps);
    // THEN
    expect(steps).toMatch(/No locked recovery point protects <PaymentsCluster>/);
  });
});
