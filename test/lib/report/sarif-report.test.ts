import { mixedAssessment, metAssessment, orphanFinding, ruleMetadata } from './assessment-fixtures';
import { sarifValidator } from './sarif-schema';
import { locateLines, toSarif, toSarifLog } from '../../../lib/report/sarif-report';
import type * as sarif from 'sarif';

describe('toSarif', () => {
  const validate = sarifValidator();

  test('validates against the official SARIF 2.1.0 schema with findings, suppressions and orphans', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const log = JSON.parse(
      toSarif(assessment, {
        rules: ruleMetadata,
        specFile: 'continuity.yaml',
        toolVersion: '0.1.0',
      }),
    );
    // THEN
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
  });

  test('the schema check rejects a result with a level SARIF does not define', () => {
    // GIVEN
    const log = toSarifLog(mixedAssessment, { rules: ruleMetadata });
    // WHEN
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].level = 'fatal';
    // THEN
    expect(validate(broken)).toBe(false);
  });

  test('validates when every objective is met and no rule metadata is given', () => {
    // GIVEN
    const assessment = { met: true, services: [], findings: [] };
    // WHEN
    const log = JSON.parse(toSarif(assessment, { rules: [] }));
    // THEN
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  test('describes each rule from its metadata', () => {
    // GIVEN
    const rules = ruleMetadata;
    // WHEN
    const log = toSarifLog(metAssessment, { rules });
    // THEN
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('continuity-kit');
    expect(driver.rules?.[0]).toMatchObject({
      id: 'RR-OBJ1',
      name: 'serviceMeetsObjectives',
      shortDescription: { text: 'Each service meets its declared RTO and RPO per disruption' },
      fullDescription: { text: 'an unmet objective is a promise the design cannot keep' },
      helpUri: 'https://example.com/rules#rr-obj1',
      defaultConfiguration: { level: 'error' },
    });
    expect(driver.rules?.[1].defaultConfiguration?.level).toBe('warning');
  });

  test('points each result at the template file and the logical ID', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const log = toSarifLog(assessment, { rules: ruleMetadata });
    // THEN
    const result = log.runs[0].results?.find((r) => r.ruleId === 'RR-OBJ1') as sarif.Result;
    expect(result.level).toBe('error');
    expect(result.ruleIndex).toBe(0);
    expect(result.message.text).toContain('orders / region');
    expect(result.message.text).toContain('fix: add a copy action');
    expect(result.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe(
      'cdk.out/ShopPrimary.template.json',
    );
    expect(result.locations?.[0].logicalLocations?.[0]).toMatchObject({
      name: 'OrdersTable',
      fullyQualifiedName: 'ShopPrimary/Orders/Resource',
      kind: 'resource',
    });
  });

  test('places results at line 1 unless a line locator finds the logical ID', () => {
    // GIVEN
    const locateLine = (file: string, name: string) =>
      name === 'OrdersTable' && file.endsWith('ShopPrimary.template.json') ? 42 : undefined;
    // WHEN
    const plain = toSarifLog(mixedAssessment, { rules: ruleMetadata });
    const located = toSarifLog(mixedAssessment, { rules: ruleMetadata, locateLine });
    // THEN
    const lineOf = (log: sarif.Log, rule: string) =>
      log.runs[0].results?.find((r) => r.ruleId === rule)?.locations?.[0].physicalLocation?.region
        ?.startLine;
    expect(lineOf(plain, 'RR-OBJ1')).toBe(1);
    expect(lineOf(located, 'RR-OBJ1')).toBe(42);
    expect(lineOf(located, 'RR-ALM1')).toBe(1);
    expect(validate(JSON.parse(JSON.stringify(located)))).toBe(true);
  });

  test('asks the line locator once per file and name', () => {
    // GIVEN
    const asked: string[] = [];
    const locateLine = (file: string, name: string) => {
      asked.push(`${file} ${name}`);
      return name === 'OrdersTable' ? 42 : undefined;
    };
    const orders = mixedAssessment.services[0];
    const twice = { ...mixedAssessment, services: [orders, { ...orders, name: 'copy' }] };
    // WHEN
    const log = toSarifLog(twice, { rules: ruleMetadata, locateLine });
    // THEN
    expect(new Set(asked).size).toBe(asked.length);
    const lines = log.runs[0].results?.map(
      (r) => r.locations?.[0].physicalLocation?.region?.startLine,
    );
    expect(lines?.filter((line) => line === 42).length).toBeGreaterThan(1);
  });

  test('locateLines asks file by file, each file and name once, before any line is read', () => {
    // GIVEN requests that alternate between two files, with a repeat
    const asked: string[] = [];
    const locate = (file: string, name: string): number => {
      asked.push(`${file} ${name}`);
      return name.length;
    };
    const requests = [
      ['a.json', 'One'],
      ['b.json', 'Three'],
      ['a.json', 'Two'],
      ['b.json', 'Three'],
    ] as const;
    // WHEN
    const located = locateLines(locate, requests);
    // THEN every pair was asked once, the files one after the other
    expect(asked).toEqual(['a.json One', 'a.json Two', 'b.json Three']);
    // AND the answers come without asking again; a pair not requested is asked then
    expect(located('b.json', 'Three')).toBe(5);
    expect(located('a.json', 'Four')).toBe(4);
    expect(asked).toHaveLength(4);
  });

  test('marks suppressed findings with an accepted external suppression and its reason', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const log = toSarifLog(assessment, { rules: ruleMetadata });
    // THEN
    const suppressed = log.runs[0].results?.find((r) => r.ruleId === 'RR-BKP3') as sarif.Result;
    expect(suppressed.level).toBe('warning');
    expect(suppressed.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'accepted by security <review> & "audit"',
        properties: { expires: '2027-01-01' },
      },
    ]);
    const active = log.runs[0].results?.filter((r) => r.suppressions === undefined) ?? [];
    expect(active.map((r) => r.ruleId).sort()).toEqual(['RR-ALM1', 'RR-OBJ1', 'RR-TAG1']);
  });

  test('describes rules missing from the catalogue so every ruleId resolves', () => {
    // GIVEN
    const assessment = { met: false, services: [], findings: [orphanFinding] };
    // WHEN
    const log = toSarifLog(assessment, { rules: ruleMetadata });
    // THEN
    const ids = log.runs[0].tool.driver.rules?.map((r) => r.id);
    const result = log.runs[0].results?.[0] as sarif.Result;
    expect(ids?.[result.ruleIndex as number]).toBe('RR-TAG1');
  });

  test('falls back to the spec file for findings with no template file', () => {
    // GIVEN
    const assessment = {
      met: false,
      services: [],
      findings: [{ ...orphanFinding, resource: undefined, service: 'orders' }],
    };
    // WHEN
    const log = toSarifLog(assessment, { rules: ruleMetadata, specFile: 'specs/continuity.yaml' });
    // THEN
    const location = log.runs[0].results?.[0].locations?.[0];
    expect(location?.physicalLocation?.artifactLocation?.uri).toBe('specs/continuity.yaml');
    expect(location?.logicalLocations?.[0]).toMatchObject({ name: 'orders', kind: 'module' });
    expect(validate(JSON.parse(JSON.stringify(log)))).toBe(true);
  });

  test('makes absolute file paths relative to the root directory', () => {
    // GIVEN
    const assessment = {
      met: false,
      services: [],
      findings: [
        {
          ...orphanFinding,
          resource: { logicalId: 'X', file: '/repo/cdk.out/My Stack.template.json' },
        },
      ],
    };
    // WHEN
    const log = toSarifLog(assessment, { rules: [], rootDir: '/repo' });
    // THEN
    expect(log.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri).toBe(
      'cdk.out/My%20Stack.template.json',
    );
  });

  test('gives the same finding the same fingerprint and different findings different ones', () => {
    // GIVEN
    const first = toSarifLog(mixedAssessment, { rules: ruleMetadata });
    // WHEN
    const second = toSarifLog(mixedAssessment, { rules: [] });
    // THEN
    const prints = (log: sarif.Log) =>
      log.runs[0].results?.map((r) => r.partialFingerprints?.['continuityFinding/v1']);
    expect(prints(first)).toEqual(prints(second));
    expect(new Set(prints(first)).size).toBe(first.runs[0].results?.length);
  });
});
