import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { renderHtmlReport, renderIndex, renderServicePlan, writeDocs } from '../../../lib/docs';
import { ASSESSMENT, PLAN, SPEC } from './fixtures';

const TODAY = new Date('2026-11-21T12:00:00Z');
const VOID_ELEMENTS = new Set(['meta', 'br', 'img', 'input', 'link', 'hr']);

/** A tiny well-formedness check: every opened element is closed in order. */
function parseTags(html: string): { name: string; attributes: string }[] {
  const stack: string[] = [];
  const tags: { name: string; attributes: string }[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>/g;
  for (const match of html.replace(/<!doctype html>/i, '').matchAll(tag)) {
    const [, closing, rawName, attributes, selfClosing] = match;
    const name = rawName.toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (open !== name) {
        throw new Error(`</${name}> closes <${open}>`);
      }
    } else {
      tags.push({ name, attributes });
      if (!selfClosing && !VOID_ELEMENTS.has(name)) {
        stack.push(name);
      }
    }
  }
  if (stack.length > 0) {
    throw new Error(`unclosed: ${stack.join(', ')}`);
  }
  return tags;
}

function planOf(service: string): string {
  const spec = SPEC.services.find((s) => s.name === service)!;
  return renderServicePlan(spec, SPEC, PLAN, ASSESSMENT, { today: TODAY });
}

describe('renderServicePlan', () => {
  test('lists objectives per disruption with declared, predicted and achieved values', () => {
    // GIVEN / WHEN
    const markdown = planOf('orders');
    // THEN
    expect(markdown).toMatch(/^# orders — service continuity plan/);
    expect(markdown).toContain('| region | 1h | 15min | 1h | 15min | 1h | 2h | NOT MET |');
    expect(markdown).toContain('| application | 4h | 15min | 4h | 15min | 2h | 7min30s | met |');
    expect(markdown).toContain('| Status | NOT MET |');
  });

  test('explains the strategy and lists open findings', () => {
    // GIVEN / WHEN
    const markdown = planOf('orders');
    // THEN
    expect(markdown).toMatch(
      /\*\*warm-standby\*\*: a scaled-down but working copy runs .* It is the strategy of tier gold\./,
    );
    expect(markdown).toContain('- **region**:\n  - region RPO 2h = copy every 2h');
    expect(markdown).toMatch(
      /\*\*RR-OBJ1\*\* \(error, region\): orders misses its region objective <by design> — fix: add a cross-Region copy/,
    );
  });

  test('lists protected stores, compute and the tier backup plan', () => {
    // GIVEN / WHEN
    const markdown = planOf('orders');
    // THEN
    expect(markdown).toMatch(
      /\| OrdersTable \| dynamodb \| any \| 10 GiB \| yes \| yes \| no \| dynamodb-global-table \| yes/,
    );
    expect(markdown).toMatch(/\| InvoicesBucket \| s3 \|.*\| yes \| s3-crr-rtc \|/);
    expect(markdown).toContain('| OrdersService | ecs | 3 | 3 | 1 |');
    expect(markdown).toMatch(
      /\| hourly \| cron\(0 \* \* \* \? \*\) \| 14 d \| no \| yes, kept 14 d in <gold vault in us-west-2> \|/,
    );
  });

  test('draws the dependencies as Mermaid and warns about looser dependencies', () => {
    // GIVEN / WHEN
    const markdown = planOf('reporting');
    const orders = planOf('orders');
    // THEN reporting (bronze) needs orders and catalog; orders (gold) needs payments (platinum)
    expect(markdown).toMatch(/```mermaid\nflowchart LR\n/);
    expect(markdown).toContain('svc_reporting --> svc_orders');
    // catalog (silver) declares no az objective, bronze does: the edge is dotted
    expect(markdown).toContain('svc_reporting -. looser objectives .-> svc_catalog');
    expect(markdown).toContain('svc_catalog --> svc_search');
    expect(markdown).toContain('- Needs: orders, catalog');
    expect(orders).toContain('- Needed by: reporting');
    expect(orders).not.toMatch(/looser objectives/);
    expect(planOf('catalog')).toContain('svc_reporting -. looser objectives .-> svc_catalog');
  });

  test('flags a dependency that promises less than the service', () => {
    // GIVEN orders (gold) depending on search (silver, no az objective)
    const spec = {
      ...SPEC,
      services: SPEC.services.map((s) =>
        s.name === 'orders' ? { ...s, dependsOn: ['search'] } : s,
      ),
    };
    // WHEN
    const markdown = renderServicePlan(spec.services[1], spec, PLAN, undefined, { today: TODAY });
    // THEN
    expect(markdown).toContain('svc_orders -. looser objectives .-> svc_search');
    expect(markdown).toMatch(/Warning: search promises less than tier gold/);
  });

  test('writes a procedure per declared disruption with recover, verify and fail-back steps', () => {
    // GIVEN / WHEN
    const markdown = planOf('payments');
    // THEN
    for (const heading of ['### application:', '### az:', '### region:', '### account:']) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toMatch(
      /### region: loss of the primary Region \(RTO 15min, RPO 1min\)\n\nRecover:\n\n1\. \*\*Fail the global database/,
    );
    expect(markdown).toMatch(/   ```sh\n   aws rds failover-global-cluster/);
    expect(planOf('search')).not.toContain('### az:');
  });

  test('gives owners, contacts, the drill schedule and the review dates', () => {
    // GIVEN / WHEN
    const orders = planOf('orders');
    const search = planOf('search');
    // THEN orders drilled 2026-06-30 + 90 d = 2026-09-28 (overdue on 2026-11-21); reviewed 2026-08-18 + 180 d = 2027-02-14
    expect(orders).toContain('- Owner: team-orders');
    expect(orders).toContain('- Contact: orders-oncall@example.com');
    expect(orders).toContain('| Next drill due | 2026-09-28 — OVERDUE |');
    expect(orders).toContain('| Next review due | 2027-02-14 |');
    expect(orders).toContain('| Restore tests | every 30 days (AWS Backup restore testing) |');
    expect(search).toContain('| Last drill | never |');
    expect(search).toContain('| Next drill due | now (never done) |');
    expect(planOf('payments')).toContain(
      '| Fault injection | az: aws:network:disrupt-connectivity for 30 min |',
    );
  });

  test('marks statuses as predicted when there is no assessment', () => {
    // GIVEN / WHEN
    const markdown = renderServicePlan(SPEC.services[1], SPEC, PLAN, undefined, { today: TODAY });
    // THEN
    expect(markdown).toContain('| region | 1h | 15min | 1h | 15min | — | — | met (predicted) |');
    expect(markdown).toContain('| Status | not assessed (predicted from the plan only) |');
  });

  test('throws for a service the plan does not cover', () => {
    // GIVEN
    const ghost = { ...SPEC.services[0], name: 'ghost' };
    // WHEN / THEN
    expect(() => renderServicePlan(ghost, SPEC, PLAN)).toThrow(/service 'ghost' has no plan/);
  });
});

describe('renderIndex', () => {
  test('links every service plan with status, next drill and review', () => {
    // GIVEN / WHEN
    const markdown = renderIndex(SPEC, PLAN, ASSESSMENT, { today: TODAY });
    // THEN
    for (const service of SPEC.services) {
      expect(markdown).toContain(`[${service.name}](${service.name}.md)`);
    }
    expect(markdown).toContain('3 of 5 services meet every declared objective');
    expect(markdown).toContain(
      '| [reporting](reporting.md) | bronze | backup-restore | team-reporting | NOT MET | 2026-12-03 | 2026-02-14 (overdue) |',
    );
    expect(markdown).toContain('[report](report.html)');
    expect(markdown).toContain('svc_orders --> svc_payments');
  });

  test('shows predicted statuses without an assessment', () => {
    // GIVEN catalog's plan has an error finding
    const plan = {
      ...PLAN,
      services: PLAN.services.map((s) =>
        s.service === 'catalog'
          ? { ...s, findings: [{ ...ASSESSMENT.services[1].findings[0], service: 'catalog' }] }
          : s,
      ),
    };
    // WHEN
    const markdown = renderIndex(SPEC, plan, undefined, { today: TODAY });
    // THEN
    expect(markdown).toContain(
      '| [catalog](catalog.md) | silver | pilot-light | team-catalog | NOT MET (predicted) |',
    );
    expect(markdown).toContain(
      '| [search](search.md) | silver | pilot-light | team-search | met (predicted) | now (never done) | now (never done) |',
    );
    expect(markdown).toMatch(/Not assessed against deployed resources/);
  });
});

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(SPEC, PLAN, ASSESSMENT, { today: TODAY });

  test('is well-formed HTML with inline style and no external references', () => {
    // GIVEN / WHEN
    const tags = parseTags(html);
    // THEN
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(tags.filter((t) => t.name === 'style')).toHaveLength(1);
    expect(tags.filter((t) => ['script', 'link', 'img', 'iframe'].includes(t.name))).toEqual([]);
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/);
  });

  test('has one bar group per service and declared disruption in the SVG', () => {
    // GIVEN payments 4, orders 3, search 2, catalog 2, reporting 3 declared disruptions
    const tags = parseTags(html);
    // WHEN
    const svgs = tags.filter((t) => t.name === 'svg');
    const groups = tags.filter((t) => t.name === 'g' && /class="bar-group"/.test(t.attributes));
    // THEN
    expect(svgs).toHaveLength(1);
    expect(groups).toHaveLength(14);
    expect(
      groups.map((g) =>
        /data-service="([^"]+)" data-disruption="([^"]+)"/.exec(g.attributes)!.slice(1).join('/'),
      ),
    ).toContain('orders/region');
    for (const service of SPEC.services) {
      expect(html).toContain(`data-service="${service.name}"`);
      expect(html).toContain(`<td>${service.name}</td>`);
    }
  });

  test('colours and labels met and unmet objectives in text too', () => {
    // GIVEN / WHEN
    const ordersRegion =
      /<g class="bar-group" data-service="orders" data-disruption="region">([\s\S]*?)<\/g>\n/.exec(
        html,
      )![1];
    const reportingRegion =
      /<g class="bar-group" data-service="reporting" data-disruption="region">([\s\S]*?)<\/g>\n/.exec(
        html,
      )![1];
    // THEN orders region: RTO met (1h of 1h), RPO 2h over 15min
    expect(ordersRegion).toMatch(
      /<g class="bar rto met">[\s\S]*fill="#1a7f37"[\s\S]*1h \/ 1h ✓ met/,
    );
    expect(ordersRegion).toMatch(
      /<g class="bar rpo unmet">[\s\S]*fill="#cf222e"[\s\S]*2h \/ 15min ✗ NOT MET/,
    );
    expect(reportingRegion).toMatch(/none \/ 1d ✗ NOT MET/);
    expect(html).toContain('<b class="unmet">3</b>objectives not met');
    expect(html).toContain('<b>3 / 5</b>services meeting every objective');
    expect(html).toContain('&lt;by design&gt;');
  });

  test('falls back to predicted values without an assessment', () => {
    // GIVEN / WHEN
    const predicted = renderHtmlReport(SPEC, PLAN, undefined, { today: TODAY });
    // THEN
    expect(predicted).toContain('Declared vs predicted RTO and RPO');
    expect(predicted).toContain('<b class="unmet">0</b>objectives not met');
  });
});

describe('writeDocs', () => {
  test('writes the index, one plan per service and the report', () => {
    // GIVEN
    const dir = mkdtempSync(join(tmpdir(), 'continuity-docs-'));
    try {
      // WHEN
      const written = writeDocs(join(dir, 'out'), SPEC, PLAN, ASSESSMENT, { today: TODAY });
      // THEN
      expect(readdirSync(join(dir, 'out')).sort()).toEqual([
        'catalog.md',
        'index.md',
        'orders.md',
        'payments.md',
        'report.html',
        'reporting.md',
        'search.md',
      ]);
      expect(written).toHaveLength(7);
      expect(readFileSync(join(dir, 'out', 'payments.md'), 'utf8')).toMatch(
        /^# payments — service continuity plan/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
