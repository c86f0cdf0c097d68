// The generic TMF order lifecycle shared by TMF622, TMF641, TMF652 and TMF697 orders and their
// items: one table, so the four order APIs cannot drift apart. Only the actors named in the
// triggers differ per API.

import type { StateSpec } from './machine.js';

/** The order state names, spelled as in ProductOrderStateType / ServiceOrderStateType (v4). */
export const OrderStates = {
  acknowledged: 'acknowledged',
  rejected: 'rejected',
  pending: 'pending',
  held: 'held',
  inProgress: 'inProgress',
  cancelled: 'cancelled',
  completed: 'completed',
  failed: 'failed',
  partial: 'partial',
  assessingCancellation: 'assessingCancellation',
  pendingCancellation: 'pendingCancellation',
} as const;

/** One order state name. */
export type OrderState = keyof typeof OrderStates;

/** An order (or item) lifecycle table keyed by state. */
export type OrderTable<S extends string = OrderState> = { readonly [K in S]: StateSpec<S> };

/** Who does what in the trigger texts: `provider` works the order, `requester` placed it. */
export interface OrderRoles {
  provider: string;
  requester: string;
  /** Item tables word their triggers for one item instead of the whole order. */
  unit: 'order' | 'item';
}

/** The states an order or item cannot leave. */
export const orderTerminal = ['rejected', 'cancelled', 'completed', 'failed', 'partial'] as const;

/**
 * The order lifecycle of the TMF622/641 user guides (TMF-DOMAIN §4.1): acknowledged, then delivery
 * with pending/held detours, three outcomes, and cancellation as assessing → pending → cancelled,
 * falling back to inProgress, pending or held when the cancellation is refused.
 */
export function orderStates({ provider, requester, unit }: OrderRoles): OrderTable {
  const item = unit === 'item';
  const cancelRequested = `${requester} asks to cancel the order`;
  return {
    acknowledged: {
      category: 'initial',
      meaning: 'Received and passed message and basic business validation',
      to: [
        { state: 'inProgress', trigger: item ? `${provider} starts work on the item` : `${provider} starts the first item` },
        { state: 'rejected', trigger: `${provider} finds it infeasible, invalid or against business rules` },
        { state: 'pending', trigger: `${provider} needs information from ${requester} (InformationRequired event)` },
        { state: 'assessingCancellation', trigger: cancelRequested },
      ],
    },
    rejected: {
      category: 'failure',
      meaning: 'Refused at validation: infeasible, invalid information or business rules; accepted or rejected as a whole',
      to: [],
    },
    pending: {
      category: 'blocked',
      meaning: `Waiting for an action by ${requester}; may be cancelled automatically when it never comes`,
      to: [
        { state: 'inProgress', trigger: `${requester} supplies what was missing` },
        { state: 'assessingCancellation', trigger: cancelRequested },
        { state: 'cancelled', trigger: 'Auto-cancel: the requested information did not arrive in time' },
      ],
    },
    held: {
      category: 'blocked',
      meaning: `${provider} cannot progress because of an issue on its own side (e.g. a field visit or infrastructure shortfall)`,
      to: [
        { state: 'inProgress', trigger: 'The blocking issue is solved (e.g. the work order closes)' },
        { state: 'assessingCancellation', trigger: cancelRequested },
      ],
    },
    inProgress: {
      category: 'inFlight',
      meaning: item ? 'Work on the item has started' : 'Passed all checks; delivery has started (at least one item inProgress)',
      to: [
        { state: 'pending', trigger: `${provider} needs information from ${requester} (InformationRequired event)` },
        { state: 'held', trigger: `An issue on ${provider}'s side blocks delivery` },
        { state: 'completed', trigger: item ? `${provider} finishes the item's work` : 'The last item completes: every item is completed' },
        { state: 'failed', trigger: item ? `The item's work fails` : 'Every item failed' },
        {
          state: 'partial',
          trigger: item ? 'Its sub-items ended partly completed, partly failed' : 'Delivery ended with some items completed and the rest failed',
        },
        { state: 'assessingCancellation', trigger: cancelRequested },
      ],
    },
    cancelled: {
      category: 'failure',
      meaning: 'Cancelled before completion; nothing of it remains delivered',
      to: [],
    },
    completed: {
      category: 'success',
      meaning: item ? 'The item is delivered' : 'Delivered: every item is completed',
      to: [],
    },
    failed: {
      category: 'failure',
      meaning: item ? 'The item could not be delivered' : 'Nothing delivered: every item failed',
      to: [],
    },
    partial: {
      category: 'failure',
      meaning: item ? 'Some of its sub-items were delivered, the others failed' : 'Some items were delivered, the others failed',
      to: [],
    },
    assessingCancellation: {
      category: 'inFlight',
      meaning: `${provider} is assessing a cancellation request; refused e.g. once the point of no return is passed`,
      to: [
        { state: 'pendingCancellation', trigger: `${provider} accepts the cancellation` },
        { state: 'inProgress', trigger: `${provider} refuses the cancellation; delivery resumes` },
        { state: 'pending', trigger: `${provider} refuses the cancellation; still waiting for ${requester}` },
        { state: 'held', trigger: `${provider} refuses the cancellation; still blocked` },
      ],
    },
    pendingCancellation: {
      category: 'inFlight',
      meaning: `Cancellation accepted; ${provider} is undoing the work`,
      to: [{ state: 'cancelled', trigger: `${provider} has undone the work` }],
    },
  };
}

/** The same table without `partial`, for the TMF622 v4 item enum that lacks it. */
export function withoutPartial(table: OrderTable): OrderTable<Exclude<OrderState, 'partial'>> {
  const { partial: _partial, ...rest } = table;
  const kept = Object.entries(rest).map(([state, spec]) => [state, { ...spec, to: spec.to.filter((edge) => edge.state !== 'partial') }]);
  return Object.fromEntries(kept) as OrderTable<Exclude<OrderState, 'partial'>>;
}
