import { Aspects } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagRuleCompliance } from 'cdk-nag';
import { assess, indexInventory, resolveMembership } from '../../lib/engine';
import { inventoryFromTemplates } from '../../lib/inventory';
import { isInputError } from '../../lib/model';
import { allRules } from '../../lib/rules';
import { addAcknowledgementsOf } from './acknowledge-continuity-rule';
import { readAppTemplates } from './app-templates';
import { FindingPlacement } from './finding-placement';
import {
  PACK_NAME,
  acknowledgementHasReason,
  nagRuleId,
  packInputReadable,
  packRules,
} from './pack-rules';
import { resolveSpec } from './resolve-spec';
import { WriteContinuityAcknowledgements } from './write-continuity-acknowledgements';
import type { ContinuityAcknowledgement } from './acknowledge-continuity-rule';
import type { AppResource } from './app-templates';
import type { AssessmentContext } from '../../lib/engine';
import type { Assessment, ContinuitySpec, Finding, Rule, Severity } from '../../lib/model';
import type { RuleMetadata } from '../../lib/rules';
import type {
  CfnResource,
  IPolicyValidationContext,
  PolicyValidationPluginReport,
  PolicyViolation,
} from 'aws-cdk-lib';
import type { NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Props of {@link ContinuityChecks}. */
export interface ContinuityChecksProps extends NagPackProps {
  /**
   * The continuity spec to assess against.
   *
   * @default - read from `specFile`, else from the file named by the cdk.json context key
   * `continuity:spec`, else the spec embedded in the templates by continuity-kit constructs
   */
  readonly spec?: ContinuitySpec;
  /**
   * Spec file (YAML or JSON), relative to the working directory.
   *
   * @default - see `spec`
   */
  readonly specFile?: string;
  /**
   * Date of the assessment (plan reviews, drills, suppression expiry).
   *
   * @default - now
   */
  readonly today?: Date;
  /**
   * Account the app deploys to; copies to other accounts then count for `account` objectives.
   *
   * @default - unknown: no copy counts as cross-account (as `continuity check` without --account)
   */
  readonly accountId?: string;
  /**
   * Rules to run.
   *
   * @default allRules
   */
  readonly rules?: readonly Rule<unknown, AssessmentContext>[];
  /**
   * Write acknowledgements into each resource's CloudFormation metadata
   * (`Metadata.cdk_nag.rules_to_suppress`), so `continuity check` on `cdk.out` applies them too.
   * `true` writes every acknowledged rule of every pack (cdk-nag's own behaviour); `false` writes
   * nothing. Needs the app as `scope`.
   *
   * @default - continuity acknowledgements only (`Continuity-RR-…`)
   */
  readonly writeSuppressionsToCloudFormation?: boolean;
}

const LEVELS: Readonly<Record<Severity, NagMessageLevel>> = {
  error: NagMessageLevel.ERROR,
  warning: NagMessageLevel.WARN,
  info: NagMessageLevel.INFO,
};

/** What the pack reported on one construct for one rule. */
interface Detail {
  readonly infos: string[];
  readonly fixes: string[];
  readonly rule: RuleMetadata;
  readonly severity: Severity;
  readonly resource?: AppResource;
}

/** A finding as one line: service, disruption and whether it is unknown, then the message. */
function describe(f: Finding): string {
  const about = [
    ...(f.service !== undefined ? [`service '${f.service}'`] : []),
    ...(f.disruption !== undefined ? [`disruption ${f.disruption}`] : []),
    ...(f.status === 'unknown' ? ['not assessable before deploy'] : []),
  ];
  return `${about.length > 0 ? `[${about.join(', ')}] ` : ''}${f.message}`;
}

/**
 * cdk-nag pack that checks a CDK app against its continuity spec: achieved RTO/RPO per service
 * and disruption, backups, copies, vaults, alarms and practice, with every rule of `lib/rules`.
 *
 * A thin adapter over the assessment engine: after synthesis it reads the templates into the
 * inventory once, runs `assess` once, and reports each finding on the construct it points at
 * (service-wide findings on the service's first resource). Rule ids are `Continuity-<rule id>`.
 * Synth fails when an error-level rule fires, not for warnings. Register it with
 * `Validations.of(app).addPlugins(new ContinuityChecks(app, { specFile: 'continuity.yaml' }))`.
 */
export class ContinuityChecks extends NagPack {
  public readonly name = PACK_NAME;
  public override readonly ruleIds: string[];
  private readonly props: ContinuityChecksProps;
  private readonly rules: readonly Rule<unknown, AssessmentContext>[];
  /** Rule metadata by id: the pack's rules first, then the catalogue's, then the pack's own. */
  private readonly metadataById = new Map<string, RuleMetadata>();
  private findingsByNode = new Map<CfnResource, Finding[]>();
  private details = new Map<string, Detail>();
  private byNode: ReadonlyMap<CfnResource, AppResource> = new Map();
  private lastAssessment?: Assessment;
  private validating = false;

  public constructor(scope?: IConstruct, props: ContinuityChecksProps = {}) {
    super(scope, props);
    if (scope !== undefined && props.writeSuppressionsToCloudFormation !== false) {
      Aspects.of(scope).add(new WriteContinuityAcknowledgements());
    }
    if (props.spec !== undefined && props.specFile !== undefined) {
      throw new Error(
        `ContinuityChecks got both spec and specFile '${props.specFile}'; pass one of them`,
      );
    }
    this.packName = PACK_NAME;
    this.props = props;
    this.rules = props.rules ?? (allRules as readonly Rule<unknown, AssessmentContext>[]);
    this.ruleIds = [...this.rules, ...packRules].map((r) => nagRuleId(r.id));
    for (const r of [...this.rules, ...allRules, ...packRules]) {
      if (!this.metadataById.has(r.id)) {
        this.metadataById.set(r.id, r);
      }
    }
  }

  /** The engine's assessment of the last validation, acknowledged findings marked suppressed. */
  public get assessment(): Assessment | undefined {
    return this.lastAssessment;
  }

  /**
   * Called by aws-cdk-lib after synthesis: assesses the templates, walks the construct tree to
   * report findings, and fails only when an error-level finding is reported.
   */
  public override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const root = (context as { appConstruct?: IConstruct }).appConstruct;
    if (root === undefined) {
      throw new Error(
        'ContinuityChecks needs the construct tree on the validation context (aws-cdk-lib >= 2.251); upgrade aws-cdk-lib',
      );
    }
    this.findingsByNode = new Map();
    this.details = new Map();
    this.byNode = new Map();
    this.lastAssessment = undefined;
    const extra: PolicyViolation[] = [];
    const metadata: Record<string, string> = {};
    try {
      this.prepare(root, context, extra, metadata);
    } catch (error) {
      if (!isInputError(error)) {
        throw error;
      }
      extra.push(this.packViolation(packInputReadable, error.message, root));
    }
    let walked: PolicyValidationPluginReport;
    this.validating = true;
    try {
      walked = this.validateScope(root);
    } finally {
      this.validating = false;
    }
    const violations = [...extra, ...this.regroup(walked.violations)];
    return {
      success: !violations.some((v) => v.severity === 'error'),
      violations,
      ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    };
  }

  /**
   * Only {@link validate} can run the pack: the assessment needs the synthesized templates.
   *
   * @throws Error when called directly, instead of passing an app with nothing checked
   */
  public override validateScope(scope: IConstruct): PolicyValidationPluginReport {
    if (!this.validating) {
      throw new Error(
        'ContinuityChecks assesses the synthesized templates, so validateScope cannot run it alone; ' +
          'register it with Validations.of(app).addPlugins(new ContinuityChecks(app)) and synth, or call validate(context)',
      );
    }
    return super.validateScope(scope);
  }

  protected checkResource(node: CfnResource): void {
    for (const f of this.findingsByNode.get(node) ?? []) {
      const rule = this.metadataOf(f.rule);
      const key = `${nagRuleId(f.rule)}|${node.node.path}`;
      const resource = this.byNode.get(node);
      const detail: Detail = this.details.get(key) ?? {
        infos: [],
        fixes: [],
        rule,
        severity: f.severity,
        ...(resource !== undefined ? { resource } : {}),
      };
      detail.infos.push(describe(f));
      detail.fixes.push(f.fix);
      this.details.set(key, detail);
      this.applyRule({
        ruleSuffixOverride: f.rule,
        info: `${describe(f)}; fix: ${f.fix}`,
        explanation: rule.rationale,
        level: LEVELS[f.severity],
        node,
        rule: () => NagRuleCompliance.NON_COMPLIANT,
      });
    }
  }

  private prepare(
    root: IConstruct,
    context: IPolicyValidationContext,
    extra: PolicyViolation[],
    metadata: Record<string, string>,
  ): void {
    // one walk of the tree reads the templates and collects the acknowledgements
    const acknowledgements: ContinuityAcknowledgement[] = [];
    const app = readAppTemplates(root, context, (c) => addAcknowledgementsOf(c, acknowledgements));
    this.byNode = app.byNode;
    const inventory = inventoryFromTemplates(app.templates);
    const found = resolveSpec({
      ...(this.props.spec !== undefined ? { spec: this.props.spec } : {}),
      ...(this.props.specFile !== undefined ? { specFile: this.props.specFile } : {}),
      ...(this.props.today !== undefined ? { today: this.props.today } : {}),
      app: root,
      embedded: inventory,
    });
    if ('problem' in found) {
      extra.push(this.packViolation(packInputReadable, found.problem, root));
      return;
    }
    for (const ack of acknowledgements.filter((a) => a.reason === '')) {
      const message = `${nagRuleId(ack.ruleId)} is acknowledged on '${ack.path}' without a reason, so it accepts nothing`;
      extra.push(this.packViolation(acknowledgementHasReason, message, root, ack.path));
    }
    // indexed once: the engine reuses the index (it does not read acknowledgements)
    const index = indexInventory(inventory);
    const placement = new FindingPlacement(app, resolveMembership(found.spec, index));
    const services = found.spec.services.map((s) => s.name);
    const accepted = placement.acknowledgementsFor(acknowledgements, services);
    // The tree holds every acknowledgement, those written into the templates included: they
    // replace the inventory's, so none counts (or is reported without a reason) twice.
    const withTree = { ...inventory, acknowledgements: accepted.acknowledgements };
    const assessment = assess(found.spec, withTree, {
      rules: this.rules,
      acknowledgements: accepted.suppressions,
      index,
      ...(this.props.today !== undefined ? { today: this.props.today } : {}),
      ...(this.props.accountId !== undefined ? { accountId: this.props.accountId } : {}),
    });
    this.lastAssessment = assessment;
    const findings = [...assessment.services.flatMap((s) => s.findings), ...assessment.findings];
    for (const f of findings) {
      if (f.suppressed !== undefined) {
        const loc = f.resource;
        const where =
          loc?.logicalId !== undefined
            ? `${loc.stack !== undefined ? `${loc.stack}/` : ''}${loc.logicalId}`
            : (f.service ?? 'app');
        const key = `acknowledged ${nagRuleId(f.rule)} ${where}${f.disruption ? ` ${f.disruption}` : ''}`;
        metadata[key] = f.suppressed.reason;
        continue;
      }
      const at = placement.place(f);
      if (at === undefined) {
        // an app with no resource at all: nothing to walk, report on the app
        extra.push(this.packViolation(this.metadataOf(f.rule), describe(f), root, '', f.severity));
        continue;
      }
      this.findingsByNode.set(at.node, [...(this.findingsByNode.get(at.node) ?? []), f]);
    }
  }

  /** One violation per rule and construct, each with its own findings' text. */
  private regroup(walked: readonly PolicyViolation[]): PolicyViolation[] {
    const out: PolicyViolation[] = [];
    for (const v of walked) {
      const paths = [...new Set(v.violatingResources.map((r) => r.constructPath ?? ''))];
      for (const path of paths) {
        const d = this.details.get(`${v.ruleName}|${path}`);
        if (d === undefined) {
          out.push(v);
          continue;
        }
        const verbose = this.props.verbose === true ? ` ${d.rule.rationale}` : '';
        out.push({
          ruleName: v.ruleName,
          description: `${d.infos.join('\n')}${verbose}`,
          fix: [...new Set(d.fixes)].join('; '),
          severity: d.severity,
          ruleMetadata: { docsUrl: d.rule.docsUrl, title: d.rule.title },
          violatingResources: [
            {
              constructPath: path,
              locations: [],
              ...(d.resource !== undefined
                ? { resourceLogicalId: d.resource.logicalId, templatePath: d.resource.templatePath }
                : {}),
            },
          ],
        });
      }
    }
    return out;
  }

  private packViolation(
    rule: RuleMetadata,
    message: string,
    root: IConstruct,
    path = root.node.path,
    severity: Severity = rule.severity,
  ): PolicyViolation {
    return {
      ruleName: nagRuleId(rule.id),
      description: message,
      fix: rule.fix,
      severity,
      ruleMetadata: { docsUrl: rule.docsUrl, title: rule.title },
      violatingResources: [{ constructPath: path, locations: [] }],
    };
  }

  private metadataOf(id: string): RuleMetadata {
    return (
      this.metadataById.get(id) ?? {
        id,
        name: id,
        title: id,
        violation: id,
        rationale: '',
        fix: '',
        severity: 'error',
        docsUrl: '',
      }
    );
  }
}
