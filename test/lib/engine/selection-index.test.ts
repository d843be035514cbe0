import { indexSelections } from '../../../lib/engine/selection-index';
import { selectionSelects, storeArn } from '../../../lib/engine';
import { Unresolved } from '../../../lib/model';
import { rawResource, selection, table } from './builders';
import type { BackupSelection, Store } from '../../../lib/model';

const eq = (key: string, value: string) => ({ operator: 'StringEquals' as const, key, value });

const selections: BackupSelection[] = [
  selection('ByGold', 'App/Plan', { listOfTags: [eq('aws:ResourceTag/tier', 'gold')] }),
  selection('BySilver', 'App/Plan', { listOfTags: [eq('tier', 'silver')] }),
  selection('ById', 'App/Plan', { resources: [{ id: 'App/Orders' }] }),
  selection('Everything', 'App/Plan', {}),
  selection('ByArn', 'App/Plan', { resources: [{ arn: 'arn:aws:dynamodb:*:*:table/*' }] }),
  selection('Like', 'App/Plan', {
    listOfTags: [{ operator: 'StringLike', key: 'tier', value: 'g*' }],
  }),
  selection('OtherRegion', 'App/Plan', { listOfTags: [eq('tier', 'gold')], region: 'eu-west-1' }),
  selection('DeployTimeTag', 'App/Plan', {
    listOfTags: [eq('tier', new Unresolved('Ref') as never)],
  }),
  selection('AllWithTierCondition', 'App/Plan', {
    resources: [{ arn: '*' }],
    conditions: [eq('aws:ResourceTag/tier', 'gold')],
  }),
];

const stores: Store[] = [
  table('Orders', { tags: { tier: 'gold' } }),
  table('Carts', { tags: { tier: 'silver', team: 'shop' } }),
  table('Plain', { tags: {} }),
  table('Unknown', { tags: { tier: new Unresolved('Ref') as never } }),
  table('Elsewhere', { tags: { tier: 'gold' }, region: 'eu-west-1' }),
];

describe('indexSelections', () => {
  it.each(stores.map((s) => [s.id, s] as const))(
    'lists every selection that might select %s, in order',
    (_id, store) => {
      // GIVEN
      const index = indexSelections(selections);
      const arn = storeArn(store, rawResource(store.id.split('/')[1], 'AWS::DynamoDB::Table'));
      // WHEN
      const { positions: candidates } = index.candidates(store);
      // THEN
      const selecting = selections
        .map((s, position) => [position, selectionSelects(s, store, arn)] as const)
        .filter(([, selects]) => selects !== false)
        .map(([position]) => position);
      expect(selecting.every((p) => candidates.includes(p))).toBe(true);
      expect([...candidates].sort((a, b) => a - b)).toEqual(candidates);
    },
  );

  it('says which selections certainly select a store found by key', () => {
    // GIVEN
    const index = indexSelections(selections);
    // WHEN
    const result = index.candidates(stores[0]);
    const unknownTag = index.candidates(stores[3]);
    // THEN
    expect(result.byKey).toBe(true);
    expect(unknownTag.byKey).toBe(false);
    expect(selections.map((_, p) => index.selectsOnKeyHit(p))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it('finds a selection of every resource by its StringEquals condition', () => {
    // GIVEN
    const index = indexSelections(selections);
    // WHEN
    const gold = index.candidates(stores[0]).positions.map((p) => selections[p].id);
    const silver = index.candidates(stores[1]).positions.map((p) => selections[p].id);
    // THEN
    expect(gold).toContain('App/AllWithTierCondition');
    expect(silver).not.toContain('App/AllWithTierCondition');
  });

  it('leaves out selections keyed to other tags, ids and Regions', () => {
    // GIVEN
    const index = indexSelections(selections);
    // WHEN
    const { positions: candidates } = index.candidates(stores[2]);
    // THEN
    expect(candidates.map((p) => selections[p].id)).toEqual([
      'App/Everything',
      'App/ByArn',
      'App/Like',
      'App/DeployTimeTag',
    ]);
  });

  it('keys a selection by its most selective condition, not one that many selections share', () => {
    // GIVEN one plan per stack and tier, each selecting its tier in its own stack
    const perStack = Array.from({ length: 60 }, (_, i) =>
      selection(`Stack${i}Gold`, `Stack${i}/Plan`, {
        resources: [{ arn: '*' }],
        conditions: [eq('aws:ResourceTag/tier', 'gold'), eq('aws:ResourceTag/group', `stack${i}`)],
      }),
    );
    const index = indexSelections(perStack);
    // WHEN
    const { positions } = index.candidates(
      table('Orders', { tags: { tier: 'gold', group: 'stack7' } }),
    );
    // THEN only the selection of its own stack is looked at, not the 59 others of its tier
    expect(positions.map((p) => perStack[p].id)).toEqual(['App/Stack7Gold']);
  });
});
