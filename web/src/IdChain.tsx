import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { ReactFlow, Background, type Node, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Trace } from './api';
import { getJson } from './api';
import { go, useApp } from './state';
import { NoRunYet } from './NoRunYet';
import { chainAnchor } from './course/spotlight';
import { CHAIN_TYPE, chainGraph, type ChainBox, type Measure } from './chain-layout';

// The labels stay readable (about 10 px on screen or more) however long the chain: the pane is as
// tall as the graph, and a graph wider than the pane at MIN_ZOOM scrolls sideways instead of shrinking.
const MIN_ZOOM = 0.9;
const MARGIN_PX = 16;

let measureText: Measure | undefined;
// Label widths as this browser sets them in the page's font, so the boxes the model sizes fit their text.
function browserMeasure(): Measure | undefined {
  if (!measureText) {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return undefined;
    context.font = `${CHAIN_TYPE.fontPx}px ${getComputedStyle(document.body).fontFamily}`;
    measureText = (text) => context.measureText(text).width;
  }
  return measureText;
}

// A node drawn as the model sized it: its lines set as given, in the type the model measured.
const boxed = (box: ChainBox, style: CSSProperties = {}): Pick<Node, 'position' | 'data' | 'style'> => ({
  position: { x: box.x, y: box.y },
  data: { label: box.lines.join('\n') },
  style: { width: box.width, height: box.height, padding: CHAIN_TYPE.padPx, fontSize: CHAIN_TYPE.fontPx, lineHeight: `${CHAIN_TYPE.linePx}px`, whiteSpace: 'pre', ...style },
});

export default function IdChain() {
  const { runId, report, reportMissing, select, visibleApi, route } = useApp();
  const [trace, setTrace] = useState<Trace | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  // `trace`: an id the reader asked for; its journey becomes the run on show, unless a run is named that is not its own.
  const traced = route.params.get('trace') ?? undefined;
  const threadLength = (report?.run.context.thread as unknown[] | undefined)?.length ?? 0;
  useEffect(() => {
    const named = route.params.get('run');
    // An explicit method: a 404 here means no journey has the id, not a part of the stack that is not built.
    const load = (id: string) => getJson<Trace>(`/spine/v1/trace/${encodeURIComponent(id)}`, { method: 'GET' });
    let live = true;
    const show = (found: Trace | null) => live && setTrace(found);
    if (!traced) {
      setRefused(null);
      if (runId) load(runId).then(show, () => show(null));
    } else {
      load(traced).then(
        (found) => {
          if (!live) return;
          if (named && found.runId !== named) return go(route.view, { ...Object.fromEntries(route.params), trace: undefined });
          setRefused(null);
          show(found);
          if (!named) go(route.view, { ...Object.fromEntries(route.params), run: found.runId });
        },
        (error: Error) => {
          if (!live) return;
          setRefused(error.message);
          if (runId) load(runId).then(show, () => show(null));
        },
      );
    }
    return () => {
      live = false;
    };
    // Read again as a running journey adds links to its thread, so the chain grows while it runs.
  }, [runId, traced, threadLength]);
  const links = (trace?.chain ?? []).filter((c) => visibleApi(c.api));
  const { nodes, edges, size } = useMemo(() => {
    const graph = chainGraph(links, trace?.correlationId ?? '', browserMeasure());
    const nodes: Node[] = [{ id: 'journey', ...boxed(graph.journey, { background: '#1e3a8a', color: '#fff' }) }];
    const edges: Edge[] = [];
    graph.nodes.forEach(({ link: c, parent, box }, i) => {
      nodes.push({ id: `n${i}`, ...boxed(box, c.id === traced ? { border: '2px solid #d97706' } : {}) });
      edges.push({ id: `e${i}`, source: parent === 'journey' ? parent : `n${parent}`, target: `n${i}`, animated: c.role.split(':')[0] === 'resource' });
    });
    // The pane's border is 1 px a side.
    const size = { height: graph.height + 2 * MARGIN_PX + 2, minWidth: Math.ceil(graph.width * MIN_ZOOM) + 2 * MARGIN_PX + 2 };
    return { nodes, edges, size };
  }, [links.length, trace, traced]);
  // Who created, updated and owns each entity, from the run's exchanges and events.
  const matrix = links.map((c) => {
    const xs = report?.exchanges.filter((x) => x.path.endsWith(`/${c.id}`) || (x.method === 'POST' && (x.response as { id?: string })?.id === c.id)) ?? [];
    const created = xs.find((x) => x.method === 'POST');
    const updated = [...new Set(xs.filter((x) => x.method === 'PATCH').map((x) => x.from))];
    const events = [...new Set(report?.events.filter((e) => e.resourceId === c.id).map((e) => e.eventType) ?? [])];
    return { c, created: created ? `${created.from} (${created.method} ${created.api})` : 'seed data', updated: updated.join(', ') || '—', owner: c.owner ? `${c.owner.actor} · ${c.owner.api} ${c.owner.name}` : c.api, observed: events.length ? `TMF688: ${events.join(', ')}` : `GET ${c.api}` };
  });
  if (!runId || reportMissing) return <NoRunYet />;
  return (
    <section>
      <h1>ID chain — the golden thread</h1>
      <form
        className="controls"
        data-testid="trace-form"
        onSubmit={(e) => {
          e.preventDefault();
          const id = String(new FormData(e.currentTarget).get('id') ?? '').trim();
          if (id) go(route.view, { ...Object.fromEntries(route.params), trace: id, run: undefined, sel: undefined });
        }}
      >
        <label>Trace any id <input name="id" defaultValue={traced} placeholder="an order, service, resource, event, task or correlation id" size={48} /></label>
        <button type="submit">Trace</button>
      </form>
      {refused && <p className="warn" data-testid="trace-refused">{refused}</p>}
      {/* Only the answer for the id asked: until it comes, the trace on show is still the run's own. */}
      {traced && trace?.query === traced && !refused && (
        <p data-testid="trace-match"><code>{traced}</code>: {trace.match}, in run <code>{trace.runId}</code> ({trace.scenario}, {trace.status}).</p>
      )}
      <p>
        correlationId <code>{trace?.correlationId}</code> threads every event of run <code>{runId}</code>. Click any node or ID to fetch the entity as stored.
      </p>
      {/* The tour outlines the scroller: an outline around the pane inside it would be clipped. */}
      <div className="chain-scroll" data-tour="idchain-graph">
        {/* The wheel scrolls the page: the pane shows the whole graph, and can be as tall as the screen. */}
        <div className="graph chain-graph" style={size} data-testid="id-graph" aria-label="ID chain graph (the same IDs are buttons below)">
          <ReactFlow key={`${nodes.length}:${size.height}`} nodes={nodes} edges={edges} fitView fitViewOptions={{ minZoom: MIN_ZOOM, maxZoom: 1, padding: `${MARGIN_PX}px` }} minZoom={0.3} zoomOnScroll={false} preventScrolling={false} nodesDraggable={false} onNodeClick={(_e, n) => { const i = Number(n.id.slice(1)); const c = links[i]; if (c) select(`res:${c.api}|${c.href}`); }} proOptions={{ hideAttribution: true }}>
            <Background />
          </ReactFlow>
        </div>
      </div>
      <div className="chips">
        {links.map((c) => (
          <button type="button" key={`${c.role}${c.id}`} className="chip" data-tour={chainAnchor(c.role)} onClick={() => select(`res:${c.api}|${c.href}`)}>
            {c.role}: {c.id}
          </button>
        ))}
      </div>
      <h2>Ownership / system-of-record matrix</h2>
      <table data-tour="ownership-matrix">
        <thead><tr><th>Entity</th><th>Created by</th><th>Updated by</th><th>Authoritative source</th><th>Observed via</th></tr></thead>
        <tbody>
          {matrix.map((m) => (
            <tr key={`${m.c.role}${m.c.id}`}>
              <td><button type="button" className="link" onClick={() => select(`res:${m.c.api}|${m.c.href}`)}>{m.c.role} <code>{m.c.id}</code></button></td>
              <td>{m.created}</td><td>{m.updated}</td><td>{m.owner}</td><td>{m.observed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
