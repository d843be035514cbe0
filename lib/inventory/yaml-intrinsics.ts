import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';

/** Short-form intrinsics whose long form is `{ 'Fn::<Name>': value }`. */
const FN_TAGS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
] as const;

function toJson(node: YAMLMap.Parsed | YAMLSeq.Parsed): unknown {
  return node.toJSON();
}

/** `!GetAtt A.B.C` → `['A', 'B.C']`: attribute names may contain dots (`Endpoint.Address`). */
function getAttScalar(value: string): unknown {
  const dot = value.indexOf('.');
  return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
}

function longForm(key: string): (ScalarTag | CollectionTag)[] {
  const tag = `!${key.replace(/^Fn::/, '')}`;
  return [
    { tag, resolve: (value: string) => ({ [key]: value }) },
    { tag, collection: 'seq', resolve: (node) => ({ [key]: toJson(node) }) },
    { tag, collection: 'map', resolve: (node) => ({ [key]: toJson(node) }) },
  ];
}

/**
 * Custom tags for the `yaml` package that turn CloudFormation short-form intrinsics (`!Ref`,
 * `!GetAtt`, `!Sub`, ...) into their long-form JSON objects.
 */
export const CLOUDFORMATION_YAML_TAGS: readonly (ScalarTag | CollectionTag)[] = [
  ...longForm('Ref'),
  ...longForm('Condition'),
  { tag: '!GetAtt', resolve: getAttScalar },
  { tag: '!GetAtt', collection: 'seq', resolve: (node) => ({ 'Fn::GetAtt': toJson(node) }) },
  ...FN_TAGS.flatMap((name) => longForm(`Fn::${name}`)),
];
