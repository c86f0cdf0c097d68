// The lifecycle guard the TMF engine calls on every create and patch: each machine of the target
// resource judges the attribute it owns, item machines judge every order item, and an order's
// outcome must agree with its items.

import type { Doc } from '../store/port.js';
import { TmfError } from '../tmf/errors.js';
import { isPlainObject } from '../tmf/merge-patch.js';
import type { StateGuard, Target } from '../tmf/resource-service.js';
import { machinesFor } from './index.js';
import { canonicalState, statesOf, transition, type Machine } from './machine.js';
import { checkOrderItems, OrderItemsRefusals, type OrderItemsRefusal } from './order-consistency.js';

/**
 * Refuses with 409 ILLEGAL_TRANSITION a first state that is not initial, a move missing from a
 * table, or an order outcome its items contradict; refuses with 400 INVALID_BODY a value that
 * names no state. On create `before` is undefined.
 */
export const guardState: StateGuard = ({ api, resource }, before, after) => {
  const machines = machinesFor(api.id, resource.name);
  const order = machines.find((m) => !m.within);
  const name = `${resource.name} ${String(after.id)}`;
  for (const machine of machines) {
    const refused = machine.within
      ? checkItems(machine, machine.within, order, name, before, after)
      : checkValue(machine, `${name} ${machine.field}`, before === undefined, before?.[machine.field], after[machine.field], impliedState(machine));
    if (refused) return refused;
  }
  const items = machines.find((m) => m.within);
  return order && items ? checkConsistency(order, items, name, before, after) : undefined;
};

/** The document with each lifecycle value that is another spelling of a state (an alias) written as the state's own name. */
export function canonicalStates({ api, resource }: Target, doc: Doc): Doc {
  let canonical = doc;
  for (const machine of machinesFor(api.id, resource.name).filter((m) => !m.within)) {
    const state = canonicalState(machine, doc[machine.field]);
    if (state !== undefined && state !== doc[machine.field]) canonical = { ...canonical, [machine.field]: state };
  }
  return canonical;
}

const ITEM_REFUSALS: Record<OrderItemsRefusal, string> = {
  [OrderItemsRefusals.notAllCompleted]: 'cannot be completed while an item is not completed',
  [OrderItemsRefusals.notAllFailed]: 'cannot be failed unless every item failed',
  [OrderItemsRefusals.notPartial]: 'cannot be partial unless every item is finished, some delivered and some not',
};

// `implied` is the state an attribute that was never set is in; without one, its first value must be initial.
function checkValue(machine: Machine, label: string, creating: boolean, was: unknown, value: unknown, implied: string | undefined): TmfError | undefined {
  if (!creating && value === was) return undefined;
  if (value === undefined) {
    return creating ? undefined : new TmfError('ILLEGAL_TRANSITION', `${label} cannot be removed (current: ${String(was)})`);
  }
  const to = canonicalState(machine, value);
  if (to === undefined) {
    return new TmfError('INVALID_BODY', `${label} ${JSON.stringify(value)} is not a state of ${machine.id}; states: ${statesOf(machine).join(', ')}`);
  }
  const from = creating ? undefined : was === undefined ? implied : canonicalState(machine, was);
  if (from === undefined) {
    return machine.initial.includes(to)
      ? undefined
      : new TmfError('ILLEGAL_TRANSITION', `${label} cannot start as ${to}; initial: ${machine.initial.join(', ')}`);
  }
  const verdict = transition(machine, from, to);
  if (verdict.ok) return undefined;
  const allowed = verdict.allowed.length ? verdict.allowed.join(', ') : `none (${from} is final)`;
  return new TmfError('ILLEGAL_TRANSITION', `${label} cannot go from ${from} to ${to}; allowed: ${allowed}`);
}

// An attribute never set (an item without a state, a record stored before the server set the initial
// state) reads as the machine's only initial state.
function impliedState(machine: Machine): string | undefined {
  return machine.initial.length === 1 ? machine.initial[0] : undefined;
}

// An item without a state of its own is in its order's state; an item added by a PATCH starts its
// lifecycle there, like an item of a new order.
function checkItems(machine: Machine, within: string, order: Machine | undefined, name: string, before: Doc | undefined, after: Doc): TmfError | undefined {
  const orderWas = order && (canonicalState(order, before?.[order.field]) ?? impliedState(order));
  const implied = canonicalState(machine, orderWas) ?? impliedState(machine);
  const earlier = new Map(itemsOf(before?.[within]).map((item, index) => [itemKey(item, index), item]));
  for (const [index, item] of itemsOf(after[within]).entries()) {
    const previous = earlier.get(itemKey(item, index));
    const label = `${name} ${within} ${itemLabel(item, index)} ${machine.field}`;
    const refused = checkValue(machine, label, previous === undefined, previous?.[machine.field], item[machine.field], implied);
    if (refused) return refused;
  }
  return undefined;
}

function checkConsistency(order: Machine, items: Machine, name: string, before: Doc | undefined, after: Doc): TmfError | undefined {
  const to = canonicalState(order, after[order.field]);
  if (to === undefined || to === canonicalState(order, before?.[order.field])) return undefined;
  const list = itemsOf(after[items.within!]);
  const states = list.map((item) => canonicalState(items, item[items.field]) ?? to);
  const refusal = checkOrderItems(to, states);
  if (!refusal) return undefined;
  const found = list.map((item, index) => `${itemLabel(item, index)} is ${states[index]}`).join(', ');
  return new TmfError('ILLEGAL_TRANSITION', `${name} ${ITEM_REFUSALS[refusal]}; items: ${found || 'none'}`);
}

function itemsOf(value: unknown): Doc[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

// Items are matched by id; TMF652 items need not have one, so those are matched by position.
function itemKey(item: Doc, index: number): string {
  return typeof item.id === 'string' ? `id:${item.id}` : `#${index}`;
}

function itemLabel(item: Doc, index: number): string {
  return typeof item.id === 'string' ? item.id : `#${index}`;
}
