import type { ResourceId } from '../model/inventory';
import { isUnresolved, Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import type { AssemblyIndex } from './assembly-index';
import { describe, isRecord } from './raw';
import type { RawObject } from './raw';
import type { Resolved } from './resolved';
import { rawResource } from './stack-template';
import type { StackTemplate } from './stack-template';

/** Deepest chain of imports/exports followed before giving up (guards against cycles). */
const MAX_DEPTH = 12;

const NO_VALUE: Resolved = { kind: 'literal', value: undefined };

function unresolved(value: unknown, why?: string): Resolved {
  return { kind: 'unresolved', unresolved: new Unresolved(why ?? describe(value)) };
}

function literal(value: unknown): Resolved {
  return { kind: 'literal', value };
}

/**
 * The key of an object with exactly one key (the shape of an intrinsic function), else
 * `undefined`. Unlike `Object.keys` it allocates nothing, and it runs for every object resolved.
 */
function onlyKey(value: RawObject): string | undefined {
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined) {
      return undefined;
    }
    only = key;
  }
  return only;
}

/** AWS partition of a Region (`aws`, `aws-cn`, `aws-us-gov`). */
export function partition(region: string): string {
  if (region.startsWith('cn-')) {
    return 'aws-cn';
  }
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** Joins parts, merging adjacent literal strings; a fully literal result is a literal string. */
function concat(parts: readonly (string | Resolved)[]): Resolved {
  const merged: (string | Resolved)[] = [];
  for (const part of parts) {
    const text =
      typeof part === 'string'
        ? part
        : part.kind === 'literal' &&
            (typeof part.value === 'string' || typeof part.value === 'number')
          ? String(part.value)
          : undefined;
    if (text !== undefined && typeof merged[merged.length - 1] === 'string') {
      merged[merged.length - 1] = `${merged[merged.length - 1] as string}${text}`;
    } else if (text !== undefined) {
      merged.push(text);
    } else if (typeof part !== 'string' && part.kind === 'concat') {
      merged.push(...part.parts);
    } else {
      merged.push(part);
    }
  }
  if (merged.length === 1 && typeof merged[0] === 'string') {
    return literal(merged[0]);
  }
  return merged.length === 0 ? literal('') : { kind: 'concat', parts: merged };
}

/**
 * Resolves intrinsic functions within one stack, following imports and CDK cross-region
 * references into the other stacks of the assembly.
 */
export class StackScope {
  /** `Stack/`, joined once: an id is then one concatenation, not two. */
  private readonly idPrefix: string;

  public constructor(
    public readonly stack: StackTemplate,
    public readonly index: AssemblyIndex,
  ) {
    this.idPrefix = `${stack.name}/`;
  }

  /** `Stack/LogicalId` of a logical id of this stack. */
  public idOf(logicalId: string): ResourceId {
    return this.idPrefix + logicalId;
  }

  /** Resolves `value` as far as the templates allow. */
  public resolve(value: unknown, depth = 0): Resolved {
    if (depth > MAX_DEPTH) {
      return unresolved(value);
    }
    if (typeof value === 'string') {
      return value.includes('{{resolve:') ? this.dynamicReference(value, depth) : literal(value);
    }
    if (!isRecord(value)) {
      return literal(value);
    }
    const key = onlyKey(value);
    if (key === undefined) {
      return literal(value);
    }
    const arg = value[key];
    switch (key) {
      case 'Ref':
        return typeof arg === 'string' ? this.ref(arg) : unresolved(value);
      case 'Fn::GetAtt':
        return this.getAtt(value, arg, depth);
      case 'Fn::Join':
        return this.join(value, arg, depth);
      case 'Fn::Sub':
        return this.sub(value, arg, depth);
      case 'Fn::ImportValue':
        return this.importValue(value, arg, depth);
      case 'Fn::Select':
        return this.select(value, arg, depth);
      case 'Fn::If':
        return this.fnIf(value, arg, depth);
      case 'Fn::FindInMap':
        return this.findInMap(value, arg, depth);
      case 'Fn::Split':
        return this.split(value, arg, depth);
      default:
        return key.startsWith('Fn::') ? unresolved(value) : literal(value);
    }
  }

  /** Evaluates a named condition of this stack. */
  public condition(name: string, depth = 0): Known<boolean> {
    const expression = this.stack.conditions[name];
    return expression === undefined || depth > MAX_DEPTH
      ? new Unresolved(`condition ${name}`)
      : this.evaluate(expression, depth + 1);
  }

  private evaluate(expression: unknown, depth: number): Known<boolean> {
    if (typeof expression === 'boolean') {
      return expression;
    }
    if (!isRecord(expression) || Object.keys(expression).length !== 1 || depth > MAX_DEPTH) {
      return new Unresolved(describe(expression));
    }
    const [key, arg] = Object.entries(expression)[0];
    const args = Array.isArray(arg) ? arg : [arg];
    if (key === 'Condition' && typeof arg === 'string') {
      return this.condition(arg, depth);
    }
    if (key === 'Fn::Equals' && args.length === 2) {
      const [a, b] = args.map((x) => this.resolve(x, depth));
      return a.kind === 'literal' && b.kind === 'literal'
        ? String(a.value) === String(b.value)
        : new Unresolved(describe(expression));
    }
    const values = args.map((x) => this.evaluate(x, depth + 1));
    if (key === 'Fn::Not' && values.length === 1) {
      return isUnresolved(values[0]) ? values[0] : !values[0];
    }
    if (key === 'Fn::And' || key === 'Fn::Or') {
      const decisive = key === 'Fn::Or';
      if (values.some((v) => v === decisive)) {
        return decisive;
      }
      return values.find(isUnresolved) ?? !decisive;
    }
    return new Unresolved(describe(expression));
  }

  private ref(name: string): Resolved {
    const { stack } = this;
    switch (name) {
      case 'AWS::Region':
        return isUnresolved(stack.region)
          ? { kind: 'unresolved', unresolved: stack.region }
          : literal(stack.region);
      case 'AWS::AccountId':
        return isUnresolved(stack.account)
          ? { kind: 'unresolved', unresolved: stack.account }
          : literal(stack.account);
      case 'AWS::Partition':
        return isUnresolved(stack.region)
          ? unresolved(name, 'AWS::Partition')
          : literal(partition(stack.region));
      case 'AWS::URLSuffix':
        return isUnresolved(stack.region)
          ? unresolved(name, 'AWS::URLSuffix')
          : literal(stack.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com');
      case 'AWS::StackName':
        return literal(stack.name);
      case 'AWS::NoValue':
        return NO_VALUE;
      default:
        break;
    }
    const resource = rawResource(stack, name);
    if (resource) {
      return { kind: 'ref', id: this.idOf(name), type: String(resource.Type) };
    }
    const parameter = stack.parameters[name];
    if (isRecord(parameter)) {
      const type = typeof parameter.Type === 'string' ? parameter.Type : '';
      // SSM parameter types hold the parameter *name* in Default, not the value
      if (parameter.Default !== undefined && !type.startsWith('AWS::SSM::')) {
        return literal(parameter.Default);
      }
      return unresolved(name, `parameter ${name}`);
    }
    return unresolved({ Ref: name });
  }

  private getAtt(whole: unknown, arg: unknown, depth: number): Resolved {
    const parts =
      typeof arg === 'string'
        ? [arg.slice(0, arg.indexOf('.')), arg.slice(arg.indexOf('.') + 1)]
        : arg;
    if (!Array.isArray(parts) || parts.length !== 2 || typeof parts[0] !== 'string') {
      return unresolved(whole);
    }
    const [logicalId, attribute] = parts as [string, unknown];
    const resource = rawResource(this.stack, logicalId);
    if (!resource || typeof attribute !== 'string') {
      return unresolved(whole);
    }
    if (resource.Type === 'Custom::CrossRegionExportReader') {
      return this.fromExport(this.index.crossRegionExport(attribute), whole, depth);
    }
    return { kind: 'ref', id: this.idOf(logicalId), type: String(resource.Type), attribute };
  }

  private fromExport(
    source: { stack: StackTemplate; value: unknown } | undefined,
    whole: unknown,
    depth: number,
  ): Resolved {
    if (!source) {
      return unresolved(whole);
    }
    const scope = source.stack === this.stack ? this : new StackScope(source.stack, this.index);
    return scope.resolve(source.value, depth + 1);
  }

  private dynamicReference(text: string, depth: number): Resolved {
    // CDK cross-region references read `{{resolve:ssm:/cdk/exports/...}}`; follow them to the writer
    const match = /^\{\{resolve:ssm:([^:}]+)\}\}$/.exec(text);
    const source = match ? this.index.crossRegionExport(match[1]) : undefined;
    return source ? this.fromExport(source, text, depth) : unresolved(text);
  }

  private join(whole: unknown, arg: unknown, depth: number): Resolved {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') {
      return unresolved(whole);
    }
    const delimiter = arg[0];
    const list = this.resolve(arg[1], depth + 1);
    if (list.kind !== 'literal' || !Array.isArray(list.value)) {
      return unresolved(whole);
    }
    const parts: (string | Resolved)[] = [];
    list.value.forEach((item, i) => {
      if (i > 0 && delimiter !== '') {
        parts.push(delimiter);
      }
      parts.push(this.resolve(item, depth + 1));
    });
    return concat(parts);
  }

  private sub(whole: unknown, arg: unknown, depth: number): Resolved {
    const [template, variables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
    if (typeof template !== 'string') {
      return unresolved(whole);
    }
    const vars = isRecord(variables) ? variables : {};
    const parts: (string | Resolved)[] = [];
    const pattern = /\$\{([^}]*)\}/g;
    let last = 0;
    for (let m = pattern.exec(template); m; m = pattern.exec(template)) {
      parts.push(template.slice(last, m.index));
      last = m.index + m[0].length;
      const name = m[1].trim();
      if (name.startsWith('!')) {
        parts.push(`\${${name.slice(1)}}`);
      } else if (Object.prototype.hasOwnProperty.call(vars, name)) {
        parts.push(this.resolve(vars[name], depth + 1));
      } else if (name.includes('.') && !name.startsWith('AWS::')) {
        parts.push(this.getAtt(whole, name, depth));
      } else {
        parts.push(this.ref(name));
      }
    }
    parts.push(template.slice(last));
    const result = concat(parts);
    return result.kind === 'literal' &&
      typeof result.value === 'string' &&
      result.value.includes('{{resolve:')
      ? this.dynamicReference(result.value, depth)
      : result;
  }

  private importValue(whole: unknown, arg: unknown, depth: number): Resolved {
    const name = this.resolve(arg, depth + 1);
    if (name.kind !== 'literal' || typeof name.value !== 'string') {
      return unresolved(whole);
    }
    return this.fromExport(this.index.exportNamed(name.value), whole, depth);
  }

  private select(whole: unknown, arg: unknown, depth: number): Resolved {
    if (!Array.isArray(arg) || arg.length !== 2) {
      return unresolved(whole);
    }
    const index = this.resolve(arg[0], depth + 1);
    const list = this.resolve(arg[1], depth + 1);
    const i = index.kind === 'literal' ? Number(index.value) : NaN;
    if (
      list.kind !== 'literal' ||
      !Array.isArray(list.value) ||
      !Number.isInteger(i) ||
      i < 0 ||
      i >= list.value.length
    ) {
      return unresolved(whole);
    }
    return this.resolve(list.value[i], depth + 1);
  }

  private fnIf(whole: unknown, arg: unknown, depth: number): Resolved {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') {
      return unresolved(whole);
    }
    const holds = this.condition(arg[0], depth + 1);
    return isUnresolved(holds)
      ? unresolved(whole)
      : this.resolve(holds ? arg[1] : arg[2], depth + 1);
  }

  private findInMap(whole: unknown, arg: unknown, depth: number): Resolved {
    if (!Array.isArray(arg) || arg.length < 3) {
      return unresolved(whole);
    }
    const keys = arg.slice(0, 3).map((k) => this.resolve(k, depth + 1));
    if (!keys.every((k) => k.kind === 'literal' && typeof k.value === 'string')) {
      return unresolved(whole);
    }
    const [map, top, second] = keys.map((k) => (k as { value: string }).value);
    const level1 = this.stack.mappings[map];
    const level2 = isRecord(level1) ? level1[top] : undefined;
    const found = isRecord(level2) ? level2[second] : undefined;
    return found === undefined ? unresolved(whole) : this.resolve(found, depth + 1);
  }

  private split(whole: unknown, arg: unknown, depth: number): Resolved {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string' || arg[0] === '') {
      return unresolved(whole);
    }
    const source = this.resolve(arg[1], depth + 1);
    return source.kind === 'literal' && typeof source.value === 'string'
      ? literal(source.value.split(arg[0]))
      : unresolved(whole);
  }
}
