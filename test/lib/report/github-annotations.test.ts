import { metAssessment, mixedAssessment } from './assessment-fixtures';
import { toGithubAnnotations } from '../../../lib/report/github-annotations';

describe('toGithubAnnotations', () => {
  test('prints one workflow command per active finding, errors first', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const lines = toGithubAnnotations(assessment).trimEnd().split('\n');
    // THEN
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '::error file=cdk.out/ShopPrimary.template.json,title=RR-OBJ1 orders region ShopPrimary/OrdersTable::' +
        'region RPO none exceeds the 15min objective: no copy outside us-east-1%0A' +
        'fix: add a copy action to a vault in us-west-2 or a global table replica',
    );
    expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual([
      '::error',
      '::error',
      '::warning',
    ]);
  });

  test('escapes percent signs and newlines in messages, colons and commas in properties', () => {
    // GIVEN
    const finding = {
      ...mixedAssessment.findings[0],
      message: '50%\nnext',
      resource: { logicalId: 'A', file: 'dir,x/a:b.json' },
    };
    // WHEN
    const text = toGithubAnnotations({ met: false, services: [], findings: [finding] });
    // THEN
    expect(text).toContain('file=dir%2Cx/a%3Ab.json,');
    expect(text).toContain('::50%25%0Anext%0Afix:');
    expect(text.trimEnd().split('\n')).toHaveLength(1);
  });

  test('adds the line the locator finds', () => {
    // GIVEN
    const locateLine = (_file: string, name: string) => (name === 'OrdersTable' ? 7 : undefined);
    // WHEN
    const lines = toGithubAnnotations(mixedAssessment, { locateLine }).trimEnd().split('\n');
    // THEN
    expect(lines[0]).toMatch(
      /^::error file=cdk.out\/ShopPrimary.template.json,line=7,title=RR-OBJ1 /,
    );
    expect(lines[1]).not.toContain('line=');
  });

  test('leaves out suppressed findings and prints nothing when all is well', () => {
    // GIVEN
    const assessment = metAssessment;
    // WHEN
    const text = toGithubAnnotations(assessment);
    // THEN
    expect(text).toBe('');
  });

  test('annotates the spec file when a finding points at no template', () => {
    // GIVEN
    const finding = {
      ...mixedAssessment.findings[0],
      severity: 'info' as const,
      resource: undefined,
    };
    // WHEN
    const text = toGithubAnnotations(
      { met: true, services: [], findings: [finding] },
      { specFile: 'continuity.yaml' },
    );
    // THEN
    expect(text).toMatch(/^::notice file=continuity.yaml,title=RR-TAG1::/);
  });
});
