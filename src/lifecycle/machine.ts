// Lifecycle state machines as plain data, and the pure functions that check and apply them.
// A machine never touches storage: `transition()` only decides, the caller saves and emits.

/**
 * The seven columns of the explorer's lifecycle table, each with a label, the brief's legend
 * wording (which names the TMF values it stands for) and a colour hint for the legend.
 */
export const Categories = {
  initial: { label: 'Initial', legend: 'acknowledged / new', colour: '#3b82f6' },
  inFlight: { label: 'In-flight', legend: 'inProgress / processing', colour: '#8b5cf6' },
  blocked: { label: 'Blocked', legend: 'held / pending', colour: '#f59e0b' },
  success: { label: 'Success', legend: 'active / completed, done / resolved', colour: '#22c55e' },
  failure: { label: 'Failure', legend: 'failed / cancelled', colour: '#ef4444' },
  endOfLife: { label: 'End of life', legend: 'terminated / closed', colour: '#6b7280' },
  reserved: { label: 'Reserved', legend: 'reserved', colour: '#14b8a6' },
} as const;

/** One column of the lifecycle table. */
export type Category = keyof typeof Categories;

/** One allowed move out of a state, with what causes it in a TMF flow. */
export interface Edge<S extends string> {
  state: S;
  trigger: string;
}

/** One state of a machine: its column in the lifecycle table, a one-line meaning and its exits. */
export interface StateSpec<S extends string> {
  category: Category;
  meaning: string;
  to: readonly Edge<S>[];
}

/**
 * The lifecycle of one attribute of one TMF entity. `within` is set for item lifecycles: the field
 * then lives on each element of that array attribute (e.g. `productOrderItem[].state`). `aliases`
 * maps spellings accepted on input (spec typos and spec-internal disagreements) onto a state.
 */
export interface Machine<S extends string = string> {
  id: string;
  entity: string;
  api: string;
  resource: string;
  field: string;
  within?: string;
  states: { readonly [K in S]: StateSpec<S> };
  initial: readonly S[];
  terminal: readonly S[];
  aliases?: Readonly<Record<string, S>>;
  source: string;
}

/** The state union of a machine, derived from its table's keys. */
export type StateOf<M> = M extends Machine<infer S> ? S : never;

/** The answer of `transition()`: allowed, or refused with the states that are allowed from `from`. */
export type Verdict = { ok: true } | { ok: false; allowed: string[] };

/** Declares a machine, inferring its state union from the keys of `states`. */
export function defineMachine<const S extends string>(machine: Machine<S>): Machine<S> {
  return machine;
}

/** The states of a machine, in table order. */
export function statesOf(machine: Machine): string[] {
  return Object.keys(machine.states);
}

/** The states reachable in one move from `from` (none for an unknown state). */
export function nextStates(machine: Machine, from: string): string[] {
  return Object.hasOwn(machine.states, from) ? machine.states[from].to.map((edge) => edge.state) : [];
}

/** The state a value names, reading aliases; undefined when it names none. */
export function canonicalState(machine: Machine, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const state = machine.aliases && Object.hasOwn(machine.aliases, value) ? machine.aliases[value] : value;
  return Object.hasOwn(machine.states, state) ? state : undefined;
}

/**
 * Decides a move without side effects. Staying in the same state is not a transition, so it is
 * always allowed; any other move must be listed in the table.
 */
export function transition(machine: Machine, from: string, to: string): Verdict {
  if (from === to && Object.hasOwn(machine.states, from)) return { ok: true };
  const allowed = nextStates(machine, from);
  return allowed.includes(to) ? { ok: true } : { ok: false, allowed };
}

/**
 * What is wrong with a table, one sentence per problem naming the offending state: missing or
 * unknown initial states, unknown targets, states unreachable from an initial state, terminal
 * states with exits, aliases that shadow a state or point nowhere.
 */
export function validateMachine(machine: Machine): string[] {
  const problems: string[] = [];
  const known = (state: string) => Object.hasOwn(machine.states, state);
  if (machine.initial.length === 0) problems.push(`${machine.id}: no initial state`);
  for (const state of machine.initial) if (!known(state)) problems.push(`${machine.id}: initial state ${state} is not in the table`);
  for (const state of machine.terminal) {
    if (!known(state)) problems.push(`${machine.id}: terminal state ${state} is not in the table`);
    else if (machine.states[state].to.length) problems.push(`${machine.id}: terminal state ${state} has exits`);
  }
  for (const [state, spec] of Object.entries<StateSpec<string>>(machine.states)) {
    for (const edge of spec.to) {
      if (!known(edge.state)) problems.push(`${machine.id}: ${state} → ${edge.state} targets an unknown state`);
    }
  }
  const reached = new Set(machine.initial.filter(known));
  const queue = [...reached];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of nextStates(machine, state)) {
      if (known(next) && !reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  for (const state of statesOf(machine)) {
    if (!reached.has(state)) problems.push(`${machine.id}: ${state} is unreachable from the initial states`);
  }
  for (const [alias, state] of Object.entries(machine.aliases ?? {})) {
    if (known(alias)) problems.push(`${machine.id}: alias ${JSON.stringify(alias)} shadows a state`);
    if (!known(state)) problems.push(`${machine.id}: alias ${JSON.stringify(alias)} points to unknown state ${state}`);
  }
  return problems;
}
