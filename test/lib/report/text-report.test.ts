import { metAssessment, mixedAssessment } from './assessment-fixtures';
import { toText, toTextChunks } from '../../../lib/report/text-report';
import type { TextReportOptions } from '../../../lib/report/text-report';
import type { Assessment } from '../../../lib/model';

const ANSI = /\u001b\[[0-9;]*m/;

/** The table row of a service × disruption (service name printed only on the first row). */
function row(text: string, disruption: string): string {
  return text.split('\n').find((line) => new RegExp(`\\s${disruption}\\s`).test(line)) ?? '';
}

describe('toText', () => {
  test('shows declared vs achieved per service and disruption with a tick or cross', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const text = toText(assessment);
    // THEN
    expect(text).toMatch(/^continuity check: 1 of 2 services miss their objectives/);
    expect(text).toMatch(
      /SERVICE\s+TIER\s+DISRUPTION\s+RTO declared \/ achieved\s+RPO declared \/ achieved\s+STATUS/,
    );
    expect(row(text, 'application')).toMatch(
      /orders\s+gold\s+application\s+4h \/ 2h ✓\s+15min \/ 5min ✓\s+met/,
    );
    expect(row(text, 'region')).toMatch(/region\s+1h \/ none ✗\s+15min \/ none ✗\s+NOT MET/);
    expect(row(text, 'az')).toMatch(/az\s+1h \/ \? ✗/);
  });

  test('aligns the columns of the table', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const lines = toText(assessment).split('\n');
    // THEN
    const header = lines.find((l) => l.startsWith('SERVICE')) as string;
    const status = header.indexOf('STATUS');
    const rows = lines.filter((l) => /  (met|NOT MET)$/.test(l));
    expect(rows).toHaveLength(5);
    for (const line of rows) {
      expect([...line].slice(status).join('')).toMatch(/^(met|NOT MET)$/);
    }
  });

  test('counts a character outside the BMP as one column when aligning', () => {
    // GIVEN
    const [orders, payments] = mixedAssessment.services;
    const assessment = {
      ...mixedAssessment,
      services: [{ ...orders, name: 'orders🚀🚀' }, payments],
    };
    // WHEN
    const lines = toText(assessment).split('\n');
    // THEN
    const header = lines.find((l) => l.startsWith('SERVICE')) as string;
    const tier = header.indexOf('TIER');
    // 8 code points (10 UTF-16 code units) in both names, then the two spaces between columns.
    expect(tier).toBe(8 + 2);
    const first = lines.find((l) => l.startsWith('orders🚀🚀')) as string;
    expect([...first].slice(tier).join('')).toMatch(/^gold /);
  });

  test('lists findings under their service with the fix, and suppressed ones with the reason', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const text = toText(assessment);
    // THEN
    const orders = text.slice(
      text.indexOf('orders (gold): not met'),
      text.indexOf('payments (platinum)'),
    );
    expect(orders).toContain('✗ error RR-OBJ1 [region, ShopPrimary/OrdersTable]: region RPO none');
    expect(orders).toContain('fix: add a copy action');
    expect(orders).toContain('no recovery point or replica outside us-east-1');
    expect(text).toContain('suppressed warning RR-BKP3');
    expect(text).toContain('reason: accepted by security <review> & "audit", expires 2027-01-01');
    expect(text).toContain('resources of no service:');
    expect(text.trimEnd().split('\n').pop()).toBe('2 errors, 1 warning, 1 suppressed');
  });

  test('prints no escape codes without colour', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const text = toText(assessment, { color: false });
    // THEN
    expect(text).not.toMatch(ANSI);
  });

  test('colours met green and unmet red when asked', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const text = toText(assessment, { color: true });
    // THEN
    expect(text).toMatch(ANSI);
    expect(text).toContain('\u001b[32m4h / 2h ✓\u001b[39m');
    expect(text).toContain('\u001b[31m1h / none ✗\u001b[39m');
    expect(text.replace(new RegExp(ANSI.source, 'g'), '')).toBe(toText(assessment));
  });

  test('says all is well when every objective is met', () => {
    // GIVEN
    const assessment = metAssessment;
    // WHEN
    const text = toText(assessment);
    // THEN
    expect(text).toMatch(/^continuity check: the service meets its objectives/);
    expect(text).not.toContain('NOT MET');
  });
});

describe('toText options', () => {
  test('explains every disruption and renames the achieved column when asked (plan view)', () => {
    // GIVEN
    const assessment = metAssessment;
    // WHEN
    const text = toText(assessment, { explainAll: true, achievedLabel: 'predicted' });
    // THEN
    expect(text).toContain('RTO declared / predicted');
    expect(text).toContain('payments (platinum): met');
    expect(text).toContain('RPO 1s = global table replication');
    expect(toText(assessment)).not.toContain('RPO 1s = global table replication');
  });
});

describe('toTextChunks', () => {
  test.each<[string, Assessment, TextReportOptions]>([
    ['a mixed assessment', mixedAssessment, {}],
    ['a met assessment, every service explained', metAssessment, { explainAll: true }],
    ['a mixed assessment in colour', mixedAssessment, { color: true }],
    ['an empty assessment', { met: true, services: [], findings: [] }, {}],
  ])('spells toText for %s, one piece per service section', (_case, assessment, options) => {
    // GIVEN an assessment
    // WHEN rendered whole and in pieces
    const pieces = [...toTextChunks(assessment, options)];
    // THEN the texts are the same, byte for byte
    expect(pieces.join('')).toBe(toText(assessment, options));
    // AND each detailed service has a piece of its own
    const detailed = assessment.services.filter(
      (s) => s.findings.length > 0 || !s.met || options.explainAll === true,
    );
    for (const service of detailed) {
      const plain = pieces.map((piece) => piece.replace(/\u001b\[[0-9;]*m/g, ''));
      expect(plain.filter((piece) => piece.startsWith(service.name))).toHaveLength(1);
    }
  });
});
