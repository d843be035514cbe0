import { showDuration } from './show-duration';
import {
  NOT_ASSESSED,
  describeLocation,
  disruptionVerdicts,
  isActive,
  isFailing,
  serviceWideFindings,
  sortFindings,
} from './verdict';
import { xmlEscape, xmlText } from './xml-escape';
import type { DisruptionVerdict } from './verdict';
import type { Assessment, ServiceAssessment } from '../model/assessment';
import type { Finding } from '../model/finding';

/** Name of the extra test case that carries a service's findings tied to no disruption. */
export const SERVICE_WIDE_CASE = 'service-wide findings';

/** Name of the extra test suite for failing findings tied to no service. */
export const UNASSIGNED_SUITE = 'resources of no service';

interface TestCase {
  readonly classname: string;
  readonly name: string;
  /** Failure summary and body, when the case fails. */
  readonly failure?: { readonly message: string; readonly type: string; readonly body: string };
  /** Warnings and suppressed findings, shown as the case's output. */
  readonly output: readonly string[];
}

interface TestSuite {
  readonly name: string;
  readonly cases: readonly TestCase[];
}

/**
 * Renders an assessment as JUnit XML for CI dashboards: one `testsuite` per service, one
 * `testcase` per service × declared disruption, failing with the findings when not met.
 *
 * A service with error findings tied to no disruption gets one more case,
 * {@link SERVICE_WIDE_CASE}; failing findings tied to no service form the suite
 * {@link UNASSIGNED_SUITE}.
 */
export function toJunit(assessment: Assessment): string {
  const suites = assessment.services.map(serviceSuite);
  const orphans = assessment.findings.filter(isFailing);
  if (orphans.length > 0) {
    suites.push({
      name: UNASSIGNED_SUITE,
      cases: sortFindings(orphans).map((f) => ({
        classname: 'continuity.unassigned',
        name: `${f.rule} ${describeLocation(f.resource) ?? ''}`.trim(),
        failure: { message: f.message, type: f.rule, body: findingText(f) },
        output: [],
      })),
    });
  }
  const total = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => c.failure).length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="continuity-kit" tests="${total}" failures="${failures}" errors="0">`,
  ];
  for (const suite of suites) {
    appendSuite(lines, suite);
  }
  // The empty last line gives the final newline without copying the whole document once more.
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function serviceSuite(service: ServiceAssessment): TestSuite {
  const classname = `continuity.${service.name}`;
  const cases: TestCase[] = disruptionVerdicts(service).map((verdict) => ({
    classname,
    name: verdict.disruption,
    failure: verdict.met ? undefined : disruptionFailure(service, verdict),
    output: verdict.findings.filter((f) => !isFailing(f)).map(findingText),
  }));
  const wide = serviceWideFindings(service);
  const wideFailing = wide.filter(isFailing);
  // A service reported as not met must show a failing case, even when no disruption fails.
  const unexplained = !service.met && cases.every((c) => c.failure === undefined);
  if (wideFailing.length > 0 || unexplained) {
    cases.push({
      classname,
      name: SERVICE_WIDE_CASE,
      failure: {
        message:
          wideFailing.length > 0
            ? `${service.name}: ${wideFailing.length} error finding(s) not tied to a disruption`
            : `${service.name}: not met`,
        type: wideFailing[0]?.rule ?? 'not-met',
        body: sortFindings(wideFailing).map(findingText).join('\n\n'),
      },
      output: wide.filter((f) => !isFailing(f)).map(findingText),
    });
  } else if (wide.length > 0 && cases.length > 0) {
    // Warnings and suppressed findings with no disruption: show them on the first case.
    cases[0] = { ...cases[0], output: [...cases[0].output, ...wide.map(findingText)] };
  }
  return { name: `${service.name} (${service.tier})`, cases };
}

function disruptionFailure(
  service: ServiceAssessment,
  verdict: DisruptionVerdict,
): NonNullable<TestCase['failure']> {
  const achieved = verdict.achieved;
  const message =
    `${service.name} ${verdict.disruption}: ` +
    `RTO ${showDuration(verdict.objective.rtoSeconds)} declared, ${showDuration(achieved?.rtoSeconds)} achieved; ` +
    `RPO ${showDuration(verdict.objective.rpoSeconds)} declared, ${showDuration(achieved?.rpoSeconds)} achieved`;
  const failing = sortFindings(verdict.findings.filter(isFailing));
  const explanation = achieved?.explanation ?? [NOT_ASSESSED];
  const parts: string[] = [];
  if (explanation.length > 0) {
    parts.push(`achieved because:\n  ${explanation.join('\n  ')}`);
  }
  for (const finding of failing) {
    parts.push(findingText(finding));
  }
  const body = parts.join('\n\n');
  return { message, type: failing[0]?.rule ?? 'objective-not-met', body };
}

function findingText(finding: Finding): string {
  const where = describeLocation(finding.resource);
  const head = `${finding.severity} ${finding.rule}${where ? ` at ${where}` : ''}`;
  const file = finding.resource?.file ? `\nfile: ${finding.resource.file}` : '';
  const suppressed = isActive(finding)
    ? ''
    : `\nsuppressed: ${finding.suppressed?.reason ?? ''}` +
      (finding.suppressed?.expires ? ` (expires ${finding.suppressed.expires})` : '');
  return `${head}: ${finding.message}\nfix: ${finding.fix}${file}${suppressed}`;
}

function appendSuite(lines: string[], suite: TestSuite): void {
  const failures = suite.cases.filter((c) => c.failure).length;
  lines.push(
    `  <testsuite name="${xmlEscape(suite.name)}" tests="${suite.cases.length}" failures="${failures}" errors="0" skipped="0">`,
  );
  for (const testCase of suite.cases) {
    appendCase(lines, testCase);
  }
  lines.push('  </testsuite>');
}

function appendCase(lines: string[], testCase: TestCase): void {
  const open = `    <testcase classname="${xmlEscape(testCase.classname)}" name="${xmlEscape(testCase.name)}"`;
  if (!testCase.failure && testCase.output.length === 0) {
    lines.push(`${open}/>`);
    return;
  }
  lines.push(`${open}>`);
  if (testCase.failure) {
    const { message, type, body } = testCase.failure;
    lines.push(
      `      <failure message="${xmlEscape(message)}" type="${xmlEscape(type)}">${xmlText(body)}</failure>`,
    );
  }
  if (testCase.output.length > 0) {
    lines.push(`      <system-out>${xmlText(testCase.output.join('\n\n'))}</system-out>`);
  }
  lines.push('    </testcase>');
}
