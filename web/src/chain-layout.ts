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
 * an activation sits under the resource it configured, or beside it when that column is taken.
 * No two entities share a cell. Layers with nothing shown (Beginner mode leaves out the resources)
 * leave no empty row.
 */
export function chainLayout(links: readonly ChainLink[]): ChainCell[] {
  const indexOf = new Map(links.map((c, i) => [c.id, i]));
  const roleIndex = (role: string | undefined) => (role === undefined ? -1 : links.findIndex((c) => c.role === role));
  const placed = links.map((link) => {
    const kind = link.role.split(':')[0]!;
    const of = / of (\S+)$/.exec(link.via ?? '')?.[1];
    const named = of === undefined ? undefined : indexOf.get(of);
    const byRole = roleIndex(PARENT[kind]);
    // 0: placed in thread order; 1: an activation under its resource; 2: one whose resource is not shown.
    const rank = kind !== 'activation' ? 0 : named !== undefined ? 1 : 2;
    const parent: ChainCell['parent'] = named ?? (byRole >= 0 ? byRole : 'journey');
    return { link, row: ROW_OF[kind] ?? 1, parent, named, rank };
  });
  const taken = new Map<number, Set<number>>();
  const take = (row: number, from: number) => {
    if (!taken.has(row)) taken.set(row, new Set());
    const cols = taken.get(row)!;
    let col = from;
    while (cols.has(col)) col++;
    cols.add(col);
    return col;
  };
  // Activations go after the resources they hang under, and the ones pinned to a resource's column
  // before the ones free to go anywhere, so that a free one never takes a column a pinned one needs.
  const cols: number[] = [];
  const order = placed.map((_, i) => i).sort((a, b) => placed[a]!.rank - placed[b]!.rank);
  for (const i of order) {
    const { row, named, rank } = placed[i]!;
    cols[i] = take(row, rank === 1 ? cols[named!]! : 0);
  }
  const rows = [...new Set(placed.map((c) => c.row))].sort((a, b) => a - b);
  return placed.map(({ link, row, parent }, i) => ({ link, row: rows.indexOf(row) + 1, col: cols[i]!, parent }));
}

/** How the view sets a node's label, in px: the model sizes each box to hold its lines. */
export const CHAIN_TYPE = { fontPx: 11, linePx: 16.5, padPx: 10, borderPx: 2 } as const;

/** The width in px of one line of label text, as the view sets it. */
export type Measure = (text: string) => number;

/** A node of the drawn graph: where it sits, how big it is, and its label broken into the lines it is set in. */
export interface ChainBox { x: number; y: number; width: number; height: number; lines: string[] }

/** The graph the view draws: the journey at the top, then one box per chain entity; width and height span them all. */
export interface ChainGraph { journey: ChainBox; nodes: (ChainCell & { box: ChainBox })[]; width: number; height: number }

// Advance widths in em of a wide sans-serif (DejaVu Sans, the Linux fallback), rounded up, so a label
// measured here fits any common sans-serif face. The view measures with the browser's own font instead.
const EM: [RegExp, number][] = [[/[ijl.,:;'|!·\s]/, 0.34], [/[frtI()[\]\-/]/, 0.43], [/[mwMW+@%&]/, 1.0], [/[A-Z]/, 0.8]];

/** An estimate of a label line's width, for use away from a browser (tests, the first render). */
export const estimateWidth: Measure = (text) =>
  [...text].reduce((px, ch) => px + (EM.find(([re]) => re.test(ch))?.[1] ?? 0.65) * CHAIN_TYPE.fontPx, 0);

/** The lines a node's label is made of, before they are fitted to its width. */
export const chainLabel = (link: ChainLink): string[] => [`${link.role} · ${link.api}`, link.id, ...(link.state ? [`[${link.state}]`] : [])];

/**
 * Breaks a line of label into lines no wider than `room` px: after a hyphen, space, slash, colon or dot,
 * or between the words of a camelCase name; a run with none of those is cut where it must be.
 * The view sets the lines as given (no wrapping of its own), so a box's height is known here.
 */
export function fitLine(text: string, room: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  // The space after the ' · ' between a role and its API is no place to break: the API stays with its dot.
  for (const piece of text.split(/(?<=[\-/:.]|(?<!·)\s)|(?<=[a-z0-9])(?=[A-Z])/)) {
    if (line && measure((line + piece).trimEnd()) > room) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += piece;
    while (line.length > 1 && measure(line.trimEnd()) > room) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > room) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  return [...lines, line.trimEnd()];
}

/** A box of the given width at (x, y), tall enough for `text` set in lines that fit it. */
function box(x: number, y: number, width: number, text: string[], measure: Measure): ChainBox {
  // The room leaves the traced node's thicker border, and a px for the browser's rounding.
  const inset = 2 * (CHAIN_TYPE.padPx + CHAIN_TYPE.borderPx);
  const lines = text.flatMap((t) => fitLine(t, width - inset - 1, measure));
  return { x, y, width, height: lines.length * CHAIN_TYPE.linePx + inset, lines };
}

// The graph's measures in px: node widths, and the gaps that keep boxes (and the edges between rows) apart.
const NODE_PX = 160;
const JOURNEY_PX = 280;
const GAP_X = 16;
const GAP_Y = 28;

/**
 * The golden thread as boxes in px: the grid of `chainLayout`, each cell a box sized to its label.
 * Columns are one node wide; each row starts below the tallest box of the row above, so a label
 * that needs more lines pushes the rows under it down instead of running into them.
 */
export function chainGraph(links: readonly ChainLink[], correlationId: string, measure: Measure = estimateWidth): ChainGraph {
  const cells = chainLayout(links);
  const pitch = NODE_PX + GAP_X;
  const widest = Math.max(1, ...cells.map((c) => c.col + 1));
  const journey = box((widest * pitch - GAP_X - JOURNEY_PX) / 2, 0, JOURNEY_PX, ['journey', correlationId], measure);
  const sized = cells.map((c) => ({ ...c, box: box(c.col * pitch, 0, NODE_PX, chainLabel(c.link), measure) }));
  const tops = [journey.height + GAP_Y];
  for (let row = 1; row <= Math.max(0, ...cells.map((c) => c.row)); row++) {
    tops[row] = tops[row - 1]! + Math.max(0, ...sized.filter((c) => c.row === row).map((c) => c.box.height)) + GAP_Y;
  }
  const nodes = sized.map((c) => ({ ...c, box: { ...c.box, y: tops[c.row - 1]! } }));
  const boxes = [journey, ...nodes.map((n) => n.box)];
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
  return { journey, nodes, width, height: Math.max(...boxes.map((b) => b.y + b.height)) };
}
