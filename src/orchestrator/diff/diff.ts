// The diff engine: pure, views in, changes out. Each slot present in either view gets the order item
// actions the catalog's rule gives (itemActionsFor): add, delete, modify, noChange, or delete then add
// when the specification changes or the edge's policy is `replace`. Only real changes become order
// items; the rows keep every slot so a reader sees what stays as well as what moves.

import { itemActionsFor, type ItemAction } from '../../catalog/index.js';
import { nodeKey, type ProductView, type ViewLayer, type ViewNode } from './view.js';

/** One order item the diff raises: what it does to which slot, from which node to which. */
export interface DiffChange {
  layer: ViewLayer;
  slot: string;
  action: Exclude<ItemAction, 'noChange'>;
  current?: ViewNode;
  target?: ViewNode;
}

/** One row of the diff table: a field, its value now and after, and whether a resource order item is raised. */
export interface DiffRow {
  field: string;
  current: string | null;
  target: string | null;
  changeType: ItemAction | 'replace';
  resourceOrderItemRaised: boolean;
}

/** The order items that take `current` to `target`, deletes before adds, services before resources. */
export function diffViews(current: ProductView, target: ProductView): DiffChange[] {
  const changes: DiffChange[] = [];
  for (const key of slotKeys(current, target)) {
    const from = current.nodes[key];
    const to = target.nodes[key];
    const node = (from ?? to)!;
    for (const action of itemActionsFor(from, to)) {
      if (action === 'noChange') continue;
      changes.push({
        layer: node.layer,
        slot: node.slot,
        action,
        ...(action !== 'add' && from && { current: from }),
        ...(action !== 'delete' && to && { target: to }),
      });
    }
  }
  return changes;
}

/** The view the changes produce from `current`: what a fulfilled order leaves in the inventories. */
export function applyChanges(current: ProductView, changes: readonly DiffChange[], offeringId?: string): ProductView {
  const nodes = { ...current.nodes };
  for (const change of changes) {
    const key = nodeKey(change);
    if (change.action === 'delete') delete nodes[key];
    else nodes[key] = change.target!;
  }
  return { ...(offeringId !== undefined && { offeringId }), nodes };
}

/** The diff as the brief's table: one row per slot (and per changed characteristic of a modified node). */
export function diffRows(current: ProductView, target: ProductView): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const key of slotKeys(current, target)) {
    const from = current.nodes[key];
    const to = target.nodes[key];
    const node = (from ?? to)!;
    const actions = itemActionsFor(from, to);
    const raised = node.layer === 'resource' && !actions.includes('noChange');
    const changeType = actions.length === 2 ? 'replace' : actions[0]!;
    if (changeType === 'modify') {
      for (const name of changedCharacteristics(from!, to!)) {
        rows.push({ field: `${node.slot}.${name}`, current: valueOf(from!, name), target: valueOf(to!, name), changeType, resourceOrderItemRaised: raised });
      }
      continue;
    }
    rows.push({ field: node.slot, current: describe(from), target: describe(to), changeType, resourceOrderItemRaised: raised });
  }
  return rows;
}

function slotKeys(current: ProductView, target: ProductView): string[] {
  const keys = [...Object.keys(current.nodes)];
  for (const key of Object.keys(target.nodes)) if (!keys.includes(key)) keys.push(key);
  // Services first (they own the resources), then in order of appearance.
  return [...keys.filter((k) => k.startsWith('service:')), ...keys.filter((k) => !k.startsWith('service:'))];
}

function changedCharacteristics(a: ViewNode, b: ViewNode): string[] {
  const names = [...new Set([...a.characteristics, ...b.characteristics].map((c) => c.name))];
  return names.filter((name) => JSON.stringify(valueOf(a, name)) !== JSON.stringify(valueOf(b, name)));
}

function valueOf(node: ViewNode, name: string): string | null {
  const found = node.characteristics.find((c) => c.name === name);
  return found === undefined ? null : String(found.value);
}

function describe(node: ViewNode | undefined): string | null {
  if (!node) return null;
  const label = node.spec.name ?? node.spec.id;
  return node.instanceId ? `${node.instanceId} (${label})` : label;
}
