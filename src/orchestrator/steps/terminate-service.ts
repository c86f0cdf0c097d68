import type { Doc } from '../../store/port.js';
import type { Actor } from '../actors.js';
import { tmfPath, type TmfCall } from '../tmf-caller.js';

// The moves that end a TMF638 service from each state, as the service table allows them: a reserved
// service is released only through inactive (service.machine.ts); one already terminated stays so.
const TO_TERMINATED: Record<string, readonly string[]> = {
  designed: ['terminated'],
  reserved: ['inactive', 'terminated'],
  inactive: ['terminated'],
  active: ['terminated'],
};

/** Ends a service from whatever state it is in; `ending` goes with the last move (an endDate). */
export async function terminateService(call: TmfCall, from: Actor, id: string, ending: Doc = {}): Promise<void> {
  const path = tmfPath('TMF638', 'service', id);
  const service = await call<Doc>({ from, method: 'GET', path });
  const moves = TO_TERMINATED[String(service.state)] ?? [];
  for (const [index, state] of moves.entries()) {
    await call({ from, method: 'PATCH', path, body: { state, ...(index === moves.length - 1 && ending) } });
  }
}
