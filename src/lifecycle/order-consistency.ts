// The order/item consistency rules of the TMF622/641 user guides: "order and order item states are
// tightly linked and need to be consistent". A pure guard: it returns a refusal code or nothing.

import { OrderStates, orderTerminal } from './order-lifecycle.js';

/** Why an order's items forbid the state the order is asked to take. */
export const OrderItemsRefusals = {
  notAllCompleted: 'ITEMS_NOT_ALL_COMPLETED',
  notAllFailed: 'ITEMS_NOT_ALL_FAILED',
  notPartial: 'ITEMS_NOT_PARTIAL',
} as const;

/** One refusal code of `checkOrderItems`. */
export type OrderItemsRefusal = (typeof OrderItemsRefusals)[keyof typeof OrderItemsRefusals];

/**
 * Checks an order's new state against its items' states. completed: every item is completed.
 * failed: every item failed. partial: every item is finished, at least one was delivered (completed,
 * or partial itself) and at least one was not. Other order states put no condition on the items.
 */
export function checkOrderItems(orderState: string, itemStates: readonly string[]): OrderItemsRefusal | undefined {
  const finished = (state: string) => (orderTerminal as readonly string[]).includes(state);
  const delivered = (state: string) => state === OrderStates.completed || state === OrderStates.partial;
  switch (orderState) {
    case OrderStates.completed:
      return itemStates.every((s) => s === OrderStates.completed) ? undefined : OrderItemsRefusals.notAllCompleted;
    case OrderStates.failed:
      return itemStates.every((s) => s === OrderStates.failed) ? undefined : OrderItemsRefusals.notAllFailed;
    case OrderStates.partial:
      return itemStates.every(finished) && itemStates.some(delivered) && itemStates.some((s) => s !== OrderStates.completed)
        ? undefined
        : OrderItemsRefusals.notPartial;
    default:
      return undefined;
  }
}
