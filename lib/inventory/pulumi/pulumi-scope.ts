import type { ResourceId } from '../../model/inventory';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import type { Known } from '../../model/unresolved';
import type { RawObject } from '../raw';
import type { PulumiInventoryOptions, PulumiResourceRecord } from './pulumi-resource-record';
import { normalizeUnknowns, pulumiList, pulumiString } from './pulumi-values';

/** A record with its properties normalized (unknowns as {@link Unresolved}) and its id. */
export interface ScopedRecord {
  readonly record: PulumiResourceRecord;
  /** `<stack>/<name>` (with the type appended when two resources share a name). */
  readonly id: ResourceId;
  readonly props: RawObject;
}

/** What a reference points at: an inventory id, or a literal value that names nothing read. */
export type PulumiReference = { readonly id: ResourceId } | { readonly literal: string };

/** Output properties that hold a resource's identity (what other resources refer to it by). */
const IDENTITY_PROPS = [
  'id',
  'arn',
  'name',
  'bucket',
  'identifier',
  'clusterIdentifier',
  'globalClusterIdentifier',
  'dnsName',
] as const;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/**
 * Every record of a Pulumi stack, indexed for the readers: by URN, by type, by the values other
 * resources use to refer to them; Regions and references resolved the way Pulumi records them
 * (`propertyDependencies`), with a match by value as fallback.
 */
export class PulumiScope {
  public readonly records: readonly ScopedRecord[];
  private readonly byUrnMap = new Map<string, ScopedRecord>();
  private readonly byTypeMap = new Map<string, ScopedRecord[]>();
  private readonly byIdentity = new Map<string, ScopedRecord[]>();

  public constructor(
    records: readonly PulumiResourceRecord[],
    public readonly options: PulumiInventoryOptions,
  ) {
    const names = new Map<string, number>();
    for (const r of records) {
      names.set(r.name, (names.get(r.name) ?? 0) + 1);
    }
    this.records = records.map((record) => {
      const shared = (names.get(record.name) ?? 0) > 1;
      const id = `${options.stack}/${record.name}${shared ? `[${record.type}]` : ''}`;
      const props = normalizeUnknowns(record.props, record.name) as RawObject;
      return { record, id, props };
    });
    for (const scoped of this.records) {
      this.byUrnMap.set(scoped.record.urn, scoped);
      push(this.byTypeMap, scoped.record.type, scoped);
      const values = new Set<string>();
      if (scoped.record.id !== undefined) {
        values.add(scoped.record.id);
      }
      for (const key of IDENTITY_PROPS) {
        const value = scoped.props[key];
        if (typeof value === 'string' && value !== '') {
          values.add(value);
        }
      }
      values.forEach((v) => push(this.byIdentity, v, scoped));
    }
  }

  /** The record with `urn`, if read. */
  public byUrn(urn: string): ScopedRecord | undefined {
    return this.byUrnMap.get(urn);
  }

  /** Records of a type token, in order. */
  public ofType(type: string): readonly ScopedRecord[] {
    return this.byTypeMap.get(type) ?? [];
  }

  /** The record an inventory id names. */
  public byId(id: ResourceId): ScopedRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  /**
   * Region of a resource: its own `region` property (per-resource Regions of @pulumi/aws 7),
   * else its explicit provider's, else the stack's default.
   */
  public regionOf(scoped: ScopedRecord): Known<string> {
    const own = pulumiString(scoped.props.region);
    if (own !== undefined && own !== '') {
      return own;
    }
    return (
      scoped.record.providerRegion ??
      this.options.defaultRegion ??
      new Unresolved(
        `region of ${scoped.record.name} (no region, provider region or defaultRegion)`,
      )
    );
  }

  /** Resources the top-level property `prop` of `scoped` depends on, of the given types. */
  public dependencies(
    scoped: ScopedRecord,
    prop: string,
    types?: readonly string[],
  ): readonly ScopedRecord[] {
    const urns = scoped.record.propertyDependencies?.[prop] ?? [];
    return urns
      .map((urn) => this.byUrnMap.get(urn))
      .filter(
        (r): r is ScopedRecord => r !== undefined && (!types || types.includes(r.record.type)),
      );
  }

  /**
   * What the value of property `prop` (or a value inside it) refers to.
   *
   * A known value is matched against the identities (id, ARN, name) of resources of `types`; an
   * unknown one, or a known one that matches nothing (a physical id), is the single resource of
   * `types` the property depends on. Ambiguous matches are narrowed to the property's
   * dependencies, then to the referring resource's Region. `list` marks an item of a list, which
   * only its own value can tie to a resource.
   */
  public reference(
    scoped: ScopedRecord,
    prop: string,
    value: unknown,
    types?: readonly string[],
    list = false,
  ): Known<PulumiReference | undefined> {
    if (value === undefined || value === null) {
      return undefined;
    }
    if (isUnresolved(value)) {
      const deps = this.dependencies(scoped, prop, types);
      return deps.length === 1 ? { id: deps[0].id } : value;
    }
    const text = pulumiString(value);
    if (typeof text !== 'string') {
      return text ?? undefined;
    }
    const found = this.match(scoped, prop, text, types);
    if (found) {
      return { id: found.id };
    }
    // policy packs see no physical ids: a value such as `plan.id` is only tied to its resource
    // by the property's dependency (taken when exactly one resource of the expected types)
    const deps = types && !list ? this.dependencies(scoped, prop, types) : [];
    return deps.length === 1 ? { id: deps[0].id } : { literal: text };
  }

  /**
   * References of a list property (`Resources` of a selection, subnets): known items by value;
   * unknown items mapped onto the property's remaining dependencies of `types` when the counts
   * agree (the order of a list of references does not matter to any reader), else unresolved.
   */
  public referenceList(
    scoped: ScopedRecord,
    prop: string,
    value: unknown,
    types?: readonly string[],
  ): Known<PulumiReference>[] {
    const list = pulumiList(value);
    if (isUnresolved(list)) {
      const deps = this.dependencies(scoped, prop, types);
      return deps.length > 0 ? deps.map((d) => ({ id: d.id })) : [list];
    }
    const known = list.map((item) =>
      isUnresolved(item) ? item : this.reference(scoped, prop, item, types, true),
    );
    const used = new Set(known.flatMap((k) => (k && !isUnresolved(k) && 'id' in k ? [k.id] : [])));
    const spare = this.dependencies(scoped, prop, types).filter((d) => !used.has(d.id));
    const unknownCount = known.filter((k) => isUnresolved(k)).length;
    let next = 0;
    return known.map((k, i): Known<PulumiReference> => {
      if (k === undefined) {
        return new Unresolved(`${scoped.record.name}.${prop}[${i}] (empty)`);
      }
      if (!isUnresolved(k)) {
        return k;
      }
      return unknownCount === spare.length ? { id: spare[next++].id } : k;
    });
  }

  private match(
    scoped: ScopedRecord,
    prop: string,
    text: string,
    types: readonly string[] | undefined,
  ): ScopedRecord | undefined {
    const candidates = (this.byIdentity.get(text) ?? []).filter(
      (r) => r !== scoped && (!types || types.includes(r.record.type)),
    );
    if (candidates.length <= 1) {
      return candidates[0];
    }
    const deps = new Set(this.dependencies(scoped, prop).map((d) => d.id));
    const dependedOn = candidates.filter((c) => deps.has(c.id));
    if (dependedOn.length === 1) {
      return dependedOn[0];
    }
    const region = this.regionOf(scoped);
    const sameRegion = candidates.filter((c) => this.regionOf(c) === region);
    return sameRegion.length === 1 ? sameRegion[0] : undefined;
  }
}
