import { describe, expect, expectTypeOf, it } from 'vitest';
import { lifecycles, machinesFor, validateAll } from './index.js';
import { canonicalState, Categories, defineMachine, transition, validateMachine, type Machine, type StateOf } from './machine.js';
import { productOrderItemMachine } from './product-order-item.machine.js';

// Elevator doors, as in Vendure's own tests: small enough to see every edge at once.
const doors = defineMachine({
  id: 'doors',
  entity: 'Doors',
  api: 'TOY',
  resource: 'doors',
  field: 'state',
  states: {
    closed: { category: 'initial', meaning: 'Shut', to: [{ state: 'opening', trigger: 'A call button' }] },
    opening: { category: 'inFlight', meaning: 'Moving apart', to: [{ state: 'open', trigger: 'Fully apart' }] },
    open: { category: 'success', meaning: 'Apart', to: [{ state: 'closing', trigger: 'Timer' }] },
    closing: {
      category: 'inFlight',
      meaning: 'Moving together',
      to: [
        { state: 'closed', trigger: 'Fully shut' },
        { state: 'opening', trigger: 'Something in the way' },
      ],
    },
  },
  initial: ['closed'],
  terminal: [],
  aliases: { shut: 'closed' },
  source: 'toy',
});

/** `doors` with some states replaced, to break the table on purpose. */
function broken(changes: Partial<Machine>): Machine {
  return { ...doors, ...changes } as Machine;
}

describe('a toy machine', () => {
  it('allows a move listed in the table', () => {
    expect(transition(doors, 'closing', 'opening')).toEqual({ ok: true });
  });

  it('refuses a transition missing from the table and says what is allowed', () => {
    expect(transition(doors, 'closed', 'open')).toEqual({ ok: false, allowed: ['opening'] });
    expect(transition(doors, 'closing', 'open')).toEqual({ ok: false, allowed: ['closed', 'opening'] });
  });

  it('treats staying in the same state as no transition', () => {
    expect(transition(doors, 'open', 'open')).toEqual({ ok: true });
  });

  it('allows nothing out of a state it does not know', () => {
    expect(transition(doors, 'ajar', 'ajar')).toEqual({ ok: false, allowed: [] });
    expect(transition(doors, 'ajar', 'open')).toEqual({ ok: false, allowed: [] });
  });

  it('reads aliases and knows no other spelling', () => {
    expect(canonicalState(doors, 'shut')).toBe('closed');
    expect(canonicalState(doors, 'open')).toBe('open');
    expect(canonicalState(doors, 'Open')).toBeUndefined();
    expect(canonicalState(doors, 42)).toBeUndefined();
  });

  it('validates a sound table', () => {
    expect(validateMachine(doors)).toEqual([]);
  });

  it('names an unreachable state', () => {
    const states = { ...doors.states, stuck: { category: 'failure' as const, meaning: 'Jammed', to: [] } };
    expect(validateMachine(broken({ states }))).toEqual(['doors: stuck is unreachable from the initial states']);
  });

  it('names a terminal state with exits', () => {
    expect(validateMachine(broken({ terminal: ['open'] }))).toEqual(['doors: terminal state open has exits']);
  });

  it('names an unknown target', () => {
    const states = { ...doors.states, open: { category: 'success' as const, meaning: 'Apart', to: [{ state: 'ajar', trigger: 'Wind' }] } };
    expect(validateMachine(broken({ states }))).toContain('doors: open → ajar targets an unknown state');
  });

  it('names a missing or unknown initial state', () => {
    expect(validateMachine(broken({ initial: [] }))).toContain('doors: no initial state');
    expect(validateMachine(broken({ initial: ['ajar'] }))).toContain('doors: initial state ajar is not in the table');
  });

  it('names an alias that shadows a state or points nowhere', () => {
    expect(validateMachine(broken({ aliases: { open: 'closed', ajar: 'half' } }))).toEqual([
      'doors: alias "open" shadows a state',
      'doors: alias "ajar" points to unknown state half',
    ]);
  });

  it('fails loudly at boot on a broken table, naming the machine and the state', () => {
    expect(() => validateAll([doors, broken({ id: 'doors-2', terminal: ['open'] })])).toThrow(/doors-2: terminal state open has exits/);
    expect(() => validateAll([doors, doors])).toThrow(/doors: machine id used twice/);
  });
});

type Pair = readonly [from: string, to: string];

/** Per real machine: a sample of moves the table allows and of moves it refuses. */
const cases: Record<string, { allowed: Pair[]; refused: Pair[] }> = {
  'product-order': {
    allowed: [
      ['acknowledged', 'inProgress'], ['acknowledged', 'rejected'], ['acknowledged', 'pending'], ['acknowledged', 'assessingCancellation'],
      ['inProgress', 'held'], ['inProgress', 'pending'], ['inProgress', 'completed'], ['inProgress', 'failed'], ['inProgress', 'partial'],
      ['held', 'inProgress'], ['pending', 'inProgress'], ['pending', 'cancelled'],
      ['assessingCancellation', 'pendingCancellation'], ['assessingCancellation', 'inProgress'], ['assessingCancellation', 'held'],
      ['assessingCancellation', 'pending'], ['pendingCancellation', 'cancelled'],
    ],
    refused: [
      ['acknowledged', 'completed'], ['acknowledged', 'cancelled'], ['acknowledged', 'held'], ['held', 'completed'],
      ['inProgress', 'cancelled'], ['pendingCancellation', 'inProgress'], ['completed', 'inProgress'], ['cancelled', 'acknowledged'],
      ['partial', 'completed'],
    ],
  },
  'product-order-item': {
    allowed: [['acknowledged', 'inProgress'], ['inProgress', 'completed'], ['inProgress', 'failed'], ['pendingCancellation', 'cancelled']],
    refused: [['inProgress', 'partial'], ['acknowledged', 'completed'], ['completed', 'failed']],
  },
  'service-order': {
    allowed: [['acknowledged', 'inProgress'], ['inProgress', 'held'], ['held', 'inProgress'], ['inProgress', 'completed'], ['inProgress', 'partial']],
    refused: [['acknowledged', 'completed'], ['failed', 'inProgress'], ['held', 'failed']],
  },
  'service-order-item': {
    allowed: [['acknowledged', 'inProgress'], ['inProgress', 'partial']],
    refused: [['completed', 'inProgress']],
  },
  'resource-order': {
    allowed: [['acknowledged', 'inProgress'], ['inProgress', 'failed'], ['assessingCancellation', 'pendingCancellation']],
    refused: [['acknowledged', 'failed'], ['rejected', 'acknowledged']],
  },
  'resource-order-item': {
    allowed: [['acknowledged', 'inProgress'], ['inProgress', 'completed']],
    refused: [['acknowledged', 'completed']],
  },
  'work-order': {
    allowed: [['acknowledged', 'inProgress'], ['inProgress', 'held'], ['held', 'inProgress'], ['inProgress', 'completed']],
    refused: [['acknowledged', 'completed'], ['completed', 'held']],
  },
  'work-order-item': {
    allowed: [['acknowledged', 'inProgress'], ['inProgress', 'completed']],
    refused: [['acknowledged', 'completed']],
  },
  service: {
    allowed: [
      ['feasibilityChecked', 'designed'], ['designed', 'reserved'], ['reserved', 'inactive'], ['reserved', 'active'],
      ['inactive', 'active'], ['active', 'inactive'], ['inactive', 'terminated'], ['active', 'terminated'], ['designed', 'terminated'],
    ],
    refused: [['reserved', 'terminated'], ['feasibilityChecked', 'active'], ['feasibilityChecked', 'terminated'], ['terminated', 'active']],
  },
  'resource-administrative-state': {
    allowed: [['locked', 'unlocked'], ['unlocked', 'shutdown'], ['shutdown', 'locked'], ['shutdown', 'unlocked'], ['unlocked', 'locked']],
    refused: [['locked', 'shutdown']],
  },
  'resource-operational-state': {
    allowed: [['enable', 'disable'], ['disable', 'enable']],
    refused: [['enable', 'enabled']],
  },
  'resource-usage-state': {
    allowed: [['idle', 'active'], ['active', 'busy'], ['busy', 'active'], ['busy', 'idle'], ['idle', 'busy']],
    refused: [['idle', 'inUse']],
  },
  'resource-status': {
    allowed: [['available', 'reserved'], ['reserved', 'available'], ['available', 'alarm'], ['alarm', 'available'], ['unknown', 'standby']],
    refused: [['alarm', 'reserved'], ['standby', 'reserved'], ['suspended', 'reserved'], ['unknown', 'reserved']],
  },
  product: {
    allowed: [
      ['created', 'pendingActive'], ['created', 'cancelled'], ['pendingActive', 'active'], ['pendingActive', 'aborted'],
      ['active', 'suspended'], ['suspended', 'active'], ['active', 'pendingTerminate'], ['suspended', 'pendingTerminate'],
      ['pendingTerminate', 'terminated'],
    ],
    refused: [['created', 'active'], ['active', 'terminated'], ['terminated', 'active'], ['aborted', 'pendingActive'], ['cancelled', 'created']],
  },
  'service-qualification': {
    allowed: [['accepted', 'inProgress'], ['accepted', 'terminatedWithError'], ['inProgress', 'done'], ['inProgress', 'terminatedWithError']],
    refused: [['accepted', 'done'], ['done', 'inProgress'], ['terminatedWithError', 'accepted']],
  },
  'query-service-qualification': {
    allowed: [['accepted', 'inProgress'], ['accepted', 'terminatedWithError'], ['inProgress', 'done'], ['inProgress', 'terminatedWithError']],
    refused: [['accepted', 'done'], ['done', 'inProgress'], ['done', 'accepted'], ['terminatedWithError', 'accepted']],
  },
  'product-offering-qualification': {
    allowed: [['acknowledged', 'inProgress'], ['inProgress', 'done'], ['inProgress', 'terminatedWithError']],
    refused: [['acknowledged', 'done'], ['done', 'acknowledged']],
  },
  appointment: {
    allowed: [
      ['initialized', 'confirmed'], ['initialized', 'cancelled'], ['initialized', 'failed'],
      ['confirmed', 'completed'], ['confirmed', 'cancelled'], ['confirmed', 'failed'],
    ],
    refused: [['initialized', 'completed'], ['completed', 'cancelled'], ['failed', 'confirmed']],
  },
  'trouble-ticket': {
    allowed: [
      ['acknowledged', 'inProgress'], ['acknowledged', 'rejected'], ['inProgress', 'pending'], ['pending', 'inProgress'],
      ['inProgress', 'resolved'], ['resolved', 'closed'], ['resolved', 'inProgress'], ['held', 'cancelled'],
    ],
    refused: [['acknowledged', 'resolved'], ['closed', 'inProgress'], ['rejected', 'inProgress']],
  },
};

describe('the real machines', () => {
  it('are all covered here, with unique ids', () => {
    expect(lifecycles.map((m) => m.id).sort()).toEqual(Object.keys(cases).sort());
  });

  describe.each(lifecycles.map((m) => [m.id, m] as const))('%s', (id, machine) => {
    it('is a sound table', () => {
      expect(validateMachine(machine)).toEqual([]);
    });

    it('puts every state in a known category with a one-line meaning', () => {
      for (const spec of Object.values(machine.states)) {
        expect(Object.keys(Categories)).toContain(spec.category);
        expect(spec.meaning).toMatch(/^[^\n]+$/);
        for (const edge of spec.to) expect(edge.trigger).toMatch(/^[^\n]+$/);
      }
    });

    it.each(cases[id]!.allowed)('allows %s → %s', (from, to) => {
      expect(transition(machine, from, to)).toEqual({ ok: true });
    });

    it.each(cases[id]!.refused)('refuses %s → %s', (from, to) => {
      expect(transition(machine, from, to).ok).toBe(false);
    });
  });

  it('keeps the order family identical, partial aside for TMF622 items', () => {
    const [order, ...others] = ['product-order', 'service-order', 'resource-order', 'work-order'].map(byId);
    const edges = (m: Machine) => Object.entries(m.states).map(([s, spec]) => [s, spec.category, spec.to.map((e) => e.state)]);
    for (const other of others) expect(edges(other)).toEqual(edges(order!));
    expect(Object.keys(byId('product-order-item').states)).not.toContain('partial');
    expect(Object.keys(byId('service-order-item').states)).toContain('partial');
  });

  it('derives each state union from its table', () => {
    expectTypeOf<'inProgress'>().toExtend<StateOf<typeof productOrderItemMachine>>();
    expectTypeOf<'partial'>().not.toExtend<StateOf<typeof productOrderItemMachine>>();
    expectTypeOf<StateOf<typeof doors>>().toEqualTypeOf<'closed' | 'opening' | 'open' | 'closing'>();
  });

  it('starts TMF638 services at a fork and TMF645 qualifications under either spelling', () => {
    expect(byId('service').initial).toEqual(['feasibilityChecked', 'designed', 'reserved', 'inactive', 'active']);
    expect(canonicalState(byId('service-qualification'), 'acknowledged')).toBe('accepted');
    expect(canonicalState(byId('query-service-qualification'), 'acknowledged')).toBe('accepted');
    expect(canonicalState(byId('product'), 'aborted ')).toBe('aborted');
  });

  it('gives the four TMF639 attributes a machine each', () => {
    expect(machinesFor('TMF639', 'resource').map((m) => m.field).sort()).toEqual([
      'administrativeState', 'operationalState', 'resourceStatus', 'usageState',
    ]);
    expect(machinesFor('TMF622', 'productOrder').map((m) => m.within ?? m.field)).toEqual(['state', 'productOrderItem']);
    expect(machinesFor('TMF622', 'cancelProductOrder')).toEqual([]);
  });
});

function byId(id: string): Machine {
  const machine = lifecycles.find((m) => m.id === id);
  if (!machine) throw new Error(`no machine ${id}`);
  return machine;
}
