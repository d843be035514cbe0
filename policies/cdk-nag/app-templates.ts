import { readFileSync } from 'fs';
import { basename } from 'path';
import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import type { TemplateInput } from '../../lib/inventory';
import type { IPolicyValidationContext } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A CloudFormation resource of the app and the inventory id (`Stack/LogicalId`) it gets. */
export interface AppResource {
  readonly id: string;
  readonly stack: string;
  readonly logicalId: string;
  readonly node: CfnResource;
  /** Template the resource is in, for the validation report. */
  readonly templatePath: string;
}

/** The synthesized templates of an app and its resources, indexed once. */
export interface AppTemplates {
  readonly templates: readonly TemplateInput[];
  /** Resources by inventory id, in construct-tree order. */
  readonly resources: ReadonlyMap<string, AppResource>;
  /** Resources by construct (the NagPack walk hands out constructs). */
  readonly byNode: ReadonlyMap<CfnResource, AppResource>;
}

function literal(value: string): string | undefined {
  return Token.isUnresolved(value) ? undefined : value;
}

function templatePathOf(stack: Stack, context: IPolicyValidationContext): string | undefined {
  const byPath = context.stackTemplates?.find((s) => s.stackConstructPath === stack.node.path);
  if (byPath) {
    return byPath.templatePath;
  }
  // Older aws-cdk-lib versions pass only the paths: match the stack's template file name.
  return context.templatePaths.find((p) => basename(p) === stack.templateFile);
}

/**
 * Reads the synthesized template of every top-level stack under `root`, with the stack's name,
 * Region and account from the construct tree (left unresolved when they are tokens, as for an
 * environment-agnostic stack), and indexes every `CfnResource` by `Stack/LogicalId`.
 *
 * `onConstruct`, when given, is called on every construct of the walk, in tree order, so other
 * per-construct work needs no walk of its own.
 *
 * Resources of nested stacks are left out: their templates are assets, not stacks of the
 * assembly, and `continuity check` on the cdk.out does not read them either.
 */
export function readAppTemplates(
  root: IConstruct,
  context: IPolicyValidationContext,
  onConstruct?: (c: IConstruct) => void,
): AppTemplates {
  const templates: TemplateInput[] = [];
  const pathOfStack = new Map<Stack, string>();
  // logical id per construct path, from the `aws:cdk:path` metadata of each template resource:
  // resolving `CfnResource.logicalId` through the token system costs far more per resource
  const idOfPath = new Map<string, string>();
  const resources = new Map<string, AppResource>();
  const byNode = new Map<CfnResource, AppResource>();
  const visit = (c: IConstruct): void => {
    onConstruct?.(c);
    if (Stack.isStack(c) && !c.nested) {
      const file = templatePathOf(c, context);
      if (file !== undefined) {
        pathOfStack.set(c, file);
        const region = literal(c.region);
        const account = literal(c.account);
        const template = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        indexPaths(template, idOfPath);
        templates.push({
          stack: c.stackName,
          file,
          template,
          ...(region !== undefined ? { region } : {}),
          ...(account !== undefined ? { account } : {}),
        });
      }
    }
    if (CfnResource.isCfnResource(c)) {
      const stack = Stack.of(c);
      const file = pathOfStack.get(stack);
      if (file !== undefined) {
        const logicalId = idOfPath.get(c.node.path) ?? logicalIdOf(c, stack);
        const resource = {
          id: `${stack.stackName}/${logicalId}`,
          stack: stack.stackName,
          logicalId,
          node: c,
          templatePath: file,
        };
        resources.set(resource.id, resource);
        byNode.set(c, resource);
      }
    }
    for (const child of c.node.children) {
      visit(child);
    }
  };
  visit(root);
  return { templates, resources, byNode };
}

/**
 * The logical id of `resource`, as its `logicalId` token resolves: the override when one was
 * set, else the id the stack allocates. Calls what the token's producer calls, which costs a
 * fraction of resolving the token (without `aws:cdk:path` metadata, as in an app synthesized
 * outside the CDK CLI, this runs for every resource).
 */
function logicalIdOf(resource: CfnResource, stack: Stack): string {
  const produce = (resource as unknown as { _synthesizeLogicalId?: unknown })._synthesizeLogicalId;
  if (typeof produce === 'function') {
    const id: unknown = produce.call(resource);
    if (typeof id === 'string') {
      return id;
    }
  }
  return stack.resolve(resource.logicalId) as string;
}

/** Adds the `aws:cdk:path` metadata of every resource of `template` to `idOfPath`. */
function indexPaths(template: unknown, idOfPath: Map<string, string>): void {
  const resources = (template as { Resources?: unknown } | null)?.Resources;
  if (typeof resources !== 'object' || resources === null) {
    return;
  }
  for (const [logicalId, resource] of Object.entries(resources as Record<string, unknown>)) {
    const path = (resource as { Metadata?: Record<string, unknown> } | null)?.Metadata?.[
      'aws:cdk:path'
    ];
    if (typeof path === 'string') {
      idOfPath.set(path, logicalId);
    }
  }
}
