import { describe, expect, it } from 'vitest';
import { checkOrderItems, OrderItemsRefusals } from './order-consistency.js';

describe('order/item consistency', () => {
  it('completes an order only when every item is completed', () => {
    expect(checkOrderItems('completed', ['completed', 'completed'])).toBeUndefined();
    expect(checkOrderItems('completed', ['completed', 'inProgress'])).toBe(OrderItemsRefusals.notAllCompleted);
  });

  it('fails an order only when every item failed', () => {
    expect(checkOrderItems('failed', ['failed', 'failed'])).toBeUndefined();
    expect(checkOrderItems('failed', ['failed', 'completed'])).toBe(OrderItemsRefusals.notAllFailed);
  });

  it('makes an order partial only when every item is finished, some delivered and some not', () => {
    expect(checkOrderItems('partial', ['completed', 'failed'])).toBeUndefined();
    expect(checkOrderItems('partial', ['completed', 'cancelled'])).toBeUndefined();
    expect(checkOrderItems('partial', ['completed', 'inProgress'])).toBe(OrderItemsRefusals.notPartial);
    expect(checkOrderItems('partial', ['completed', 'completed'])).toBe(OrderItemsRefusals.notPartial);
    expect(checkOrderItems('partial', ['failed', 'failed'])).toBe(OrderItemsRefusals.notPartial);
  });

  it('puts no condition on the items for other order states', () => {
    expect(checkOrderItems('inProgress', ['acknowledged', 'held'])).toBeUndefined();
    expect(checkOrderItems('cancelled', ['completed'])).toBeUndefined();
  });
});
