import { metAssessment, mixedAssessment, ordersUnmet } from './assessment-fixtures';
import { JSON_REPORT_VERSION, toJson, toJsonReport } from '../../../lib/report/json-report';
import { NOT_ASSESSED } from '../../../lib/report/verdict';

describe('toJson', () => {
  test('prints the documented shape: met, services with objectives, achieved and findings', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const report = JSON.parse(toJson(assessment));
    // THEN
    expect(report.version).toBe(JSON_REPORT_VERSION);
    expect(report.met).toBe(false);
    expect(report.services.map((s: { name: string }) => s.name)).toEqual(['orders', 'payments']);
    const orders = report.services[0];
    expect(Object.keys(orders)).toEqual([
      'name',
      'tier',
      'met',
      'objectives',
      'achieved',
      'findings',
    ]);
    expect(orders).toMatchObject({ name: 'orders', tier: 'gold', met: false });
    expect(orders.objectives.region).toEqual({ rtoSeconds: 3600, rpoSeconds: 900 });
    expect(orders.achieved.application).toMatchObject({
      rtoSeconds: 7200,
      rpoSeconds: 300,
      met: true,
    });
    expect(orders.findings[0]).toEqual({
      rule: 'RR-OBJ1',
      severity: 'error',
      status: 'non-compliant',
      service: 'orders',
      disruption: 'region',
      resource: {
        stack: 'ShopPrimary',
        logicalId: 'OrdersTable',
        path: 'ShopPrimary/Orders/Resource',
        type: 'AWS::DynamoDB::Table',
        file: 'cdk.out/ShopPrimary.template.json',
      },
      message: expect.stringContaining('region RPO none'),
      fix: expect.stringContaining('copy action'),
      suppressed: null,
    });
  });

  test('writes null achieved values for a disruption that is not recoverable', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const report = toJsonReport(assessment);
    // THEN
    expect(report.services[0].achieved.region).toMatchObject({
      rtoSeconds: null,
      rpoSeconds: null,
      met: false,
    });
    expect(report.services[0].achieved.region?.explanation).toEqual([
      'no recovery point or replica outside us-east-1',
    ]);
  });

  test('fails closed with null values when a declared disruption was not assessed', () => {
    // GIVEN
    const assessment = { met: false, services: [ordersUnmet], findings: [] };
    // WHEN
    const report = toJsonReport(assessment);
    // THEN
    expect(report.services[0].achieved.az).toEqual({
      rtoSeconds: null,
      rpoSeconds: null,
      met: false,
      basis: 'estimate',
      explanation: [NOT_ASSESSED],
    });
  });

  test('keeps every finding key, with null for absent disruption and resource', () => {
    // GIVEN
    const assessment = {
      met: false,
      services: [],
      findings: [
        {
          ...mixedAssessment.findings[0],
          disruption: undefined,
          resource: undefined,
          service: undefined,
        },
      ],
    };
    // WHEN
    const report = toJsonReport(assessment);
    // THEN
    expect(report.findings[0]).toMatchObject({ disruption: null, resource: null, service: null });
    expect(Object.keys(report.findings[0])).toEqual(
      expect.arrayContaining(['rule', 'severity', 'disruption', 'resource', 'message', 'fix']),
    );
  });

  test('writes the known keys of a location in a fixed order, leaving out absent ones', () => {
    // GIVEN
    const assessment = {
      met: false,
      services: [],
      findings: [
        {
          ...mixedAssessment.findings[0],
          resource: { file: 'a.json', type: 'AWS::S3::Bucket', path: undefined, stack: 'Shop' },
        },
      ],
    };
    // WHEN
    const report = toJson(assessment);
    // THEN
    expect(report).toContain(
      '"resource": {\n        "stack": "Shop",\n        "type": "AWS::S3::Bucket",\n        "file": "a.json"\n      },',
    );
  });

  test('shows suppressed findings with their reason and expiry', () => {
    // GIVEN
    const assessment = metAssessment;
    // WHEN
    const report = toJsonReport(assessment);
    // THEN
    expect(report.met).toBe(true);
    expect(report.services[0].findings[0].suppressed).toEqual({
      reason: 'accepted by security <review> & "audit"',
      expires: '2027-01-01',
    });
  });

  test('lists only declared disruptions', () => {
    // GIVEN
    const assessment = metAssessment;
    // WHEN
    const report = toJsonReport(assessment);
    // THEN
    expect(Object.keys(report.services[0].objectives)).toEqual(['application', 'region']);
    expect(Object.keys(report.services[0].achieved)).toEqual(['application', 'region']);
  });
});
