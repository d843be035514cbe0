import { metAssessment, mixedAssessment, ordersUnmet, paymentsMet } from './assessment-fixtures';
import { toMarkdown } from '../../../lib/report/markdown-report';
import { toJson } from '../../../lib/report/json-report';
import { toJunit } from '../../../lib/report/junit-report';
import { toText } from '../../../lib/report/text-report';
import { LazyAchievement } from '../../../lib/objectives/recovery-path';
import type { Assessment } from '../../../lib/model';

function mermaid(markdown: string): string {
  const match = /```mermaid\n([\s\S]*?)```/.exec(markdown);
  return match?.[1] ?? '';
}

describe('toMarkdown', () => {
  test('opens with a summary and a status table of the services', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const md = toMarkdown(assessment);
    // THEN
    expect(md).toMatch(/^## ❌ Continuity check: 1 of 2 services miss their objectives/);
    expect(md).toContain('| orders | gold | ❌ not met | 1 | 1 | 0 |');
    expect(md).toContain('| payments | platinum | ✅ met | 0 | 0 | 1 |');
  });

  test('has one objectives table per service with declared and achieved values', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const md = toMarkdown(assessment);
    // THEN
    expect(md).toContain('### ❌ orders (gold)');
    expect(md).toContain('### ✅ payments (platinum)');
    expect(
      md.match(
        /\| Disruption \| RTO declared \| RTO achieved \| RPO declared \| RPO achieved \| Status \|/g,
      ),
    ).toHaveLength(2);
    expect(md).toContain('| region | 1h | **none** | 15min | **none** | ❌ not met |');
    expect(md).toContain('| application | 4h | 2h | 15min | 5min | ✅ met |');
  });

  test('draws services grouped by tier with dependency edges and a class per status', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const graph = mermaid(
      toMarkdown(assessment, { services: [{ name: 'orders', dependsOn: ['payments'] }] }),
    );
    // THEN
    expect(graph).toMatch(/^graph LR/);
    expect(graph).toContain('subgraph tier0["tier gold"]');
    expect(graph).toContain('s0["orders"]');
    expect(graph).toContain('s0 -->|depends on| s1');
    expect(graph).toContain('class s0 unmet');
    expect(graph).toContain('class s1 met');
    expect(graph).toMatch(/classDef met fill:/);
    expect(graph).toMatch(/classDef unmet fill:/);
  });

  test('marks a dependency that was not assessed as unknown', () => {
    // GIVEN
    const assessment = metAssessment;
    // WHEN
    const graph = mermaid(
      toMarkdown(assessment, { services: [{ name: 'payments', dependsOn: ['ledger'] }] }),
    );
    // THEN
    expect(graph).toContain('u0["ledger (not assessed)"]');
    expect(graph).toContain('s0 -->|depends on| u0');
    expect(graph).toContain('class u0 unknown');
    expect(graph).not.toContain('class s0 unmet');
  });

  test('escapes HTML and table pipes from messages and names', () => {
    // GIVEN
    const odd = {
      ...ordersUnmet,
      name: 'a|b "x"',
      findings: [{ ...ordersUnmet.findings[0], message: 'x <script> | y\r\nz\nw\rv &lt;' }],
    };
    // WHEN
    const md = toMarkdown({ met: false, services: [odd, paymentsMet], findings: [] });
    // THEN
    expect(md).toContain('| a\\|b "x" | gold |');
    expect(md).toContain('x &lt;script&gt; \\| y<br>z<br>w\rv &amp;lt;');
    expect(md).not.toContain('<script>');
    expect(md).toMatch(/[^\s]\n$/);
    expect(mermaid(md)).toContain('s0["a|b #34;x#34;"]');
  });

  test('lists findings with the fix and suppressed ones with their reason', () => {
    // GIVEN
    const assessment = mixedAssessment;
    // WHEN
    const md = toMarkdown(assessment);
    // THEN
    expect(md).toContain(
      '- ❌ **error** RR-OBJ1 · region · ShopPrimary/OrdersTable: region RPO none',
    );
    expect(md).toContain('<br>Fix: add a copy action');
    expect(md).toContain(
      '- 🔕 *suppressed:* accepted by security &lt;review&gt; &amp; "audit" (expires 2027-01-01)',
    );
    expect(md).toContain('### Resources of no service');
  });
});

describe('reports and lazy explanations', () => {
  test.each([
    ['markdown', (a: Assessment) => toMarkdown(a)],
    ['text', (a: Assessment) => toText(a, { explainAll: true })],
    ['JSON', (a: Assessment) => toJson(a)],
    ['JUnit', (a: Assessment) => toJunit(a)],
  ])('the %s report writes each explanation once, with its lines', (_format, render) => {
    // GIVEN a service missing its region objective, whose achievement there counts how often
    // its explanation is written
    let written = 0;
    const counted = new LazyAchievement(null, null, 'estimate', () => {
      written += 1;
      return ['no recovery point outside us-east-1, counted'];
    });
    const service = { ...ordersUnmet, achieved: { ...ordersUnmet.achieved, region: counted } };
    // WHEN rendered
    const report = render({ met: false, services: [service], findings: [] });
    // THEN the lines are in the report, written once
    expect(report).toContain('no recovery point outside us-east-1, counted');
    expect(written).toBe(1);
  });
});
