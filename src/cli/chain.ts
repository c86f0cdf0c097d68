import type { Doc } from './journey-source.js';

/** The golden thread as terminal lines: role, id, state and the API that owns each entity. */
export function chainLines(chain: readonly Doc[]): string[] {
  return chain.map((node) => {
    const owner = node.owner as { api: string; actor?: string } | undefined;
    const ownedBy = owner ? `${owner.api}${owner.actor ? ` (${owner.actor})` : ''}` : '';
    return `  ${String(node.role).padEnd(30)} ${String(node.id).padEnd(40)} ${String(node.state ?? '').padEnd(12)} ${ownedBy}`.trimEnd();
  });
}
