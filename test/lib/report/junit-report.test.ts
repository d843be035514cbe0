import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { metAssessment, mixedAssessment, ordersUnmet } from './assessment-fixtures';
import { SERVICE_WIDE_CASE, UNASSIGNED_SUITE, toJunit } from '../../../lib/report/junit-report';

interface Case {
  classname: string;
  name: string;
  failure?: { message: string; type: string; '#text'?: string };
  'system-out'?: string;
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  testcase: Case[];
}

function parse(xml: string): {
  testsuites: { tests: string; failures: string; testsuite: Suite[] };
} {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml);
}

describe('toJunit', () => {
  test('is well-formed XML with one suite per service and one case per declared disruption', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const doc = parse(toJunit(assessment));
    // THEN
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual([
      'orders (gold)',
      'payments (platinum)',
      UNASSIGNED_SUITE,
    ]);
    expect(suites[0].testcase.map((c) => c.name)).toEqual(['application', 'az', 'region']);
    expect(suites[1].testcase.map((c) => c.name)).toEqual(['application', 'region']);
    expect(suites[0].testcase.every((c) => c.classname === 'continuity.orders')).toBe(true);
  });

  test('fails the cases whose objective is not met, with numbers and findings', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const doc = parse(toJunit(assessment));
    // THEN
    const [orders, payments] = doc.testsuites.testsuite;
    const failed = orders.testcase.filter((c) => c.failure).map((c) => c.name);
    expect(failed).toEqual(['az', 'region']);
    const region = orders.testcase.find((c) => c.name === 'region') as Case;
    expect(region.failure?.type).toBe('RR-OBJ1');
    expect(region.failure?.message).toBe(
      'orders region: RTO 1h declared, none achieved; RPO 15min declared, none achieved',
    );
    expect(region.failure?.['#text']).toContain('fix: add a copy action');
    expect(payments.testcase.some((c) => c.failure)).toBe(false);
    expect(orders.failures).toBe('2');
    expect(doc.testsuites.tests).toBe('6');
    expect(doc.testsuites.failures).toBe('3');
  });

  test('round-trips special characters in messages and reasons', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const doc = parse(toJunit(assessment));
    // THEN
    const application = doc.testsuites.testsuite[0].testcase[0];
    expect(application['system-out']).toContain('"100%" <unwatched> & silent');
    const payments = doc.testsuites.testsuite[1].testcase[0];
    expect(payments['system-out']).toContain('suppressed: accepted by security <review> & "audit"');
  });

  test('drops characters XML cannot carry', () => {
    // GIVEN
    const finding = { ...ordersUnmet.findings[0], message: 'bad \u0001 byte \ud800 and ]]> end' };
    const assessment = {
      met: false,
      services: [{ ...ordersUnmet, findings: [finding] }],
      findings: [],
    };
    // WHEN
    const xml = toJunit(assessment);
    // THEN
    const region = parse(xml).testsuites.testsuite[0].testcase[2];
    expect(region.failure?.['#text']).toContain('bad  byte  and ]]> end');
  });

  test('adds a failing service-wide case for an error tied to no disruption', () => {
    // GIVEN
    const wide = {
      ...ordersUnmet.findings[0],
      rule: 'RR-DEP1',
      disruption: undefined,
      message: 'depends on a looser tier',
    };
    const service = {
      ...ordersUnmet,
      objectives: { application: ordersUnmet.objectives.application! },
      findings: [wide],
    };
    // WHEN
    const doc = parse(toJunit({ met: false, services: [service], findings: [] }));
    // THEN
    const cases = doc.testsuites.testsuite[0].testcase;
    expect(cases.map((c) => c.name)).toEqual(['application', SERVICE_WIDE_CASE]);
    expect(cases[0].failure).toBeUndefined();
    expect(cases[1].failure?.type).toBe('RR-DEP1');
  });

  test('has no failure when every objective is met', () => {
    // GIVEN
    const assessment = metAssessment;
    // WHEN
    const doc = parse(toJunit(assessment));
    // THEN
    expect(doc.testsuites.failures).toBe('0');
    expect(doc.testsuites.testsuite).toHaveLength(1);
  });
});
