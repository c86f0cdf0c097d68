import { ReactFlow, Background, MarkerType, type Node, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Lifecycles, Machine } from './api';
import { stateStyle } from './pill-colours';

const COLUMN: Record<string, number> = { initial: 0, inFlight: 1, blocked: 2, reserved: 2, success: 3, failure: 4, endOfLife: 5 };

/** One state machine from /spine/v1/lifecycles: states in category columns, transitions as arrows, the run's path outlined. */
export default function LifecycleDiagram({ machine, lifecycles, took, onSelect }: { machine: Machine; lifecycles: Lifecycles; took: Set<string>; onSelect: (state: string) => void }) {
  const rows: number[] = [];
  const nodes: Node[] = Object.entries(machine.states).map(([name, s]) => {
    const col = COLUMN[s.category] ?? 5;
    const row = (rows[col] = (rows[col] ?? -1) + 1);
    const colour = lifecycles.categories.find((c) => c.id === s.category)?.colour;
    return { id: name, position: { x: col * 170, y: row * 60 }, data: { label: name }, style: { ...stateStyle(colour), width: 150, fontSize: 12, border: took.has(name) ? '3px solid #0f172a' : `1px solid ${colour}` } };
  });
  const edges: Edge[] = Object.entries(machine.states).flatMap(([name, s]) =>
    s.to.map((t) => ({ id: `${name}-${t.state}`, source: name, target: t.state, markerEnd: { type: MarkerType.ArrowClosed }, animated: took.has(name) && took.has(t.state), style: { stroke: took.has(name) && took.has(t.state) ? '#0f172a' : '#94a3b8' } })),
  );
  return (
    <div className="graph small-graph" data-testid="lifecycle-diagram" data-tour="state-diagram">
      <ReactFlow key={machine.id} nodes={nodes} edges={edges} fitView nodesDraggable={false} onNodeClick={(_e, n) => onSelect(n.id)} proOptions={{ hideAttribution: true }}>
        <Background />
      </ReactFlow>
    </div>
  );
}
