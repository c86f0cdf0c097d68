import type { ChainLink } from './api';

/** Where a chain entity is drawn: grid cell and the node it hangs from ('journey' for the root). */
export interface ChainCell {
  link: ChainLink;
  row: number;
  col: number;
  parent: number | 'journey';
}

// Rows of the graph: journey, what the customer engaged, the product order, the service order, CFS, RFS, the resource order, resources, their activations.
const ROW_OF: Record<string, number> = { productOrder: 2, product: 2, usage: 2, serviceOrder: 3, cfs: 4, rfs: 5, resourceOrder: 6, reservation: 6, workOrder: 6, resource: 7, activation: 8 };
const PARENT: Record<string, string> = { productOrder: 'customer', product: 'productOrder', usage: 'product', serviceOrder: 'productOrder', cfs: 'serviceOrder', rfs: 'serviceOrder', resourceOrder: 'serviceOrder', reservation: 'resourceOrder', workOrder: 'resourceOrder', resource: 'reservation', activation: 'resourceOrder' };

/**
 * Lays the golden thread out as a grid: one row per layer, in thread order within a row. An entity
 * hangs from the one its `via` names (`… of <id>`) when shown, else from its layer's parent role;
 * an activation sits under the resource it configured. Layers with nothing shown (Beginner mode
 * leaves out the resources) leave no empty row.
 */
export function chainLayout(links: readonly ChainLink[]): ChainCell[] {
  const indexOf = new Map(links.map((c, i) => [c.id, i]));
  const roleIndex = (role: string | undefined) => (role === undefined ? -1 : links.findIndex((c) => c.role === role));
  const counts: number[] = [];
  const cells: ChainCell[] = [];
  links.forEach((link) => {
    const kind = link.role.split(':')[0]!;
    const row = ROW_OF[kind] ?? 1;
    const of = / of (\S+)$/.exec(link.via ?? '')?.[1];
    const named = of === undefined ? undefined : indexOf.get(of);
    const byRole = roleIndex(PARENT[kind]);
    const parent = named ?? (byRole >= 0 ? byRole : 'journey');
    const col = kind === 'activation' && named !== undefined ? cells[named]?.col : undefined;
    cells.push({ link, row, col: col ?? (counts[row] = (counts[row] ?? -1) + 1), parent });
  });
  const rows = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
  return cells.map((c) => ({ ...c, row: rows.indexOf(c.row) + 1 }));
}
