import { rulesRunWithoutError } from '../../../../lib/rules';
import { inventory, service, spec } from '../../engine/builders';
import { statusOf } from '../harness';

describe('RR-ENG1 rulesRunWithoutError', () => {
  test('has no subjects of its own: the engine reports it when a rule throws', () => {
    expect(statusOf(rulesRunWithoutError, spec([service('orders')]), inventory())).toBe(
      'not-applicable',
    );
  });
});
