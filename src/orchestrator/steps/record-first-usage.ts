import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { customerParty } from './refs.js';

/** The BNG's first accounting record for the new session becomes a TMF635 usage record. */
export const recordFirstUsage: StepDefinition = {
  id: 'record-first-usage',
  actor: 'activation',
  title: 'First usage record (TMF635)',
  async run({ call, context, tmf }) {
    const resources = context.resources as Record<string, string>;
    const usage = await call<Doc>({
      from: 'activation',
      method: 'POST',
      path: tmfPath('TMF635', 'usage'),
      body: {
        usageDate: tmf.now().toISOString(),
        usageType: 'data',
        status: 'received',
        description: `First accounting interim record of session ${resources.bngSession}`,
        relatedParty: [customerParty(tmf, context)],
        usageCharacteristic: [
          { name: 'sessionId', value: resources.bngSession },
          { name: 'bytesDownstream', value: 0 },
          { name: 'bytesUpstream', value: 0 },
        ],
      },
    });
    return { usageId: usage.id, ...addToThread({ role: 'usage', api: 'TMF635', resource: 'usage', id: String(usage.id) }) };
  },
};
