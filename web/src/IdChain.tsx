import { useEffect, useMemo, useState } from 'react';
import { ReactFlow, Background, type Node, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Trace } from './api';
import { getJson } from './api';
import { useApp } from './state';
import { chainAnchor } from './course/spotlight';
import { chainLayout } from './chain-layout';

export default function IdChain() {
  const { runId, report, select, visibleApi } = useApp();
  const [trace, setTrace] = useState<Trace | null>(null);
  useEffect(() => {
    if (runId) getJson<Trace>(`/spine/v1/trace/${encodeURIComponent(runId)}`).then(setTrace, () => setTrace(null));
  }, [runId]);
  const links = (trace?.chain ?? []).filter((c) => visibleApi(c.api));
  const { nodes, edges } = useMemo(() => {
    const nodes: Node[] = [{ id: 'journey', position: { x: 0, y: 0 }, data: { label: `journey\n${trace?.correlationId ?? ''}` }, style: { width: 280, fontSize: 11, background: '#1e3a8a', color: '#fff', whiteSpace: 'pre-wrap' } }];
    const edges: Edge[] = [];
    chainLayout(links).forEach(({ link: c, row, col, parent }, i) => {
      nodes.push({ id: `n${i}`, position: { x: col * 190 - 100, y: row * 95 }, data: { label: `${c.role} · ${c.api}\n${c.id}${c.state ? `\n[${c.state}]` : ''}` }, style: { width: 180, fontSize: 10, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } });
      edges.push({ id: `e${i}`, source: parent === 'journey' ? parent : `n${parent}`, target: `n${i}`, animated: c.role.split(':')[0] === 'resource' });
    });
    return { nodes, edges };
  }, [links.length, trace]);
  // Who created, updated and owns each entity, from the run's exchanges and events.
  const matrix = links.map((c) => {
    const xs = report?.exchanges.filter((x) => x.path.endsWith(`/${c.id}`) || (x.method === 'POST' && (x.response as { id?: string })?.id === c.id)) ?? [];
    const created = xs.find((x) => x.method === 'POST');
    const updated = [...new Set(xs.filter((x) => x.method === 'PATCH').map((x) => x.from))];
    const events = [...new Set(report?.events.filter((e) => e.resourceId === c.id).map((e) => e.eventType) ?? [])];
    return { c, created: created ? `${created.from} (${created.method} ${created.api})` : 'seed data', updated: updated.join(', ') || '—', owner: c.owner ? `${c.owner.actor} · ${c.owner.api} ${c.owner.name}` : c.api, observed: events.length ? `TMF688: ${events.join(', ')}` : `GET ${c.api}` };
  });
  if (!runId) return <p>No run yet: start one from the Swimlane view.</p>;
  return (
    <section>
      <h1>ID chain — the golden thread</h1>
      <p>
        correlationId <code>{trace?.correlationId}</code> threads every event of run <code>{runId}</code>. Click any node or ID to fetch the entity as stored.
      </p>
      <div className="graph" data-testid="id-graph" data-tour="idchain-graph" aria-label="ID chain graph (the same IDs are buttons below)">
        <ReactFlow key={nodes.length} nodes={nodes} edges={edges} fitView nodesDraggable={false} onNodeClick={(_e, n) => { const i = Number(n.id.slice(1)); const c = links[i]; if (c) select(`res:${c.api}|${c.href}`); }} proOptions={{ hideAttribution: true }}>
          <Background />
        </ReactFlow>
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
