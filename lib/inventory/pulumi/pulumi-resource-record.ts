/**
 * One Pulumi resource as the adapter reads it: what a policy pack's `args.resources` or a mocked
 * program run provides, as plain data (no `@pulumi/*` types).
 *
 * Values not known until the resource is created are either the Pulumi engine's unknown
 * sentinels (as `@pulumi/policy` deserializes them) or {@link Unresolved} instances; both read as
 * deploy-time values.
 */
export interface PulumiResourceRecord {
  /** Type token, e.g. `aws:dynamodb/table:Table`. */
  readonly type: string;
  /** The resource's URN. */
  readonly urn: string;
  /** The resource's name (the first argument of its constructor). */
  readonly name: string;
  /** Properties: outputs when known, inputs otherwise; unknown values as sentinels. */
  readonly props: Readonly<Record<string, unknown>>;
  /**
   * Physical id, when known (mocked runs and existing resources).
   *
   * @default - unknown; references to the id are found through `propertyDependencies`
   */
  readonly id?: string;
  /**
   * The `protect` resource option.
   *
   * @default false
   */
  readonly protect?: boolean;
  /**
   * The `retainOnDelete` resource option.
   *
   * @default false - policy packs cannot see this option (the analyzer protocol omits it)
   */
  readonly retainOnDelete?: boolean;
  /**
   * Region of the resource's explicit `aws.Provider`.
   *
   * @default - the default provider's Region (`defaultRegion`)
   */
  readonly providerRegion?: string;
  /**
   * URN of the parent resource.
   *
   * @default - a direct child of the stack
   */
  readonly parent?: string;
  /**
   * URNs of the resources each top-level property depends on (how Pulumi records references).
   *
   * @default - none; references are then matched by value only
   */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** Options of `inventoryFromPulumi`. */
export interface PulumiInventoryOptions {
  /** Stack name; inventory ids are `<stack>/<resource name>`. */
  readonly stack: string;
  /**
   * Region of resources with neither a `region` property nor an explicit provider Region
   * (the stack's `aws:region` config).
   *
   * @default - unresolved
   */
  readonly defaultRegion?: string;
  /**
   * Account the stack deploys to: the `account` of every entry, and of vaults that copy actions
   * target.
   *
   * @default - unresolved
   */
  readonly account?: string;
}
