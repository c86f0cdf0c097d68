import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { qualificationStop } from './qualification-stop.js';
import { customerParty, refById } from './refs.js';

/**
 * Gates 2 and 3: the service layer checks footprint and network (TMF645). It allocates nothing; the
 * qualified item names the candidate port and drop for the resource order to reserve later. A change
 * of a line in service names that line's service, so the check is of the change, not of a new line.
 */
export const qualifyService: StepDefinition = {
  id: 'qualify-service',
  actor: 'com',
  title: 'Technical qualification (TMF645)',
  async run({ call, context, tmf }) {
    const sq = await call<Doc>({
      from: 'com',
      method: 'POST',
      path: tmfPath('TMF645', 'checkServiceQualification'),
      body: {
        instantSyncQualification: true,
        provideAlternative: true,
        provideUnavailabilityReason: true,
        relatedParty: [customerParty(tmf, context)],
        serviceQualificationItem: [
          {
            id: '1',
            service: {
              ...(context.serviceId !== undefined && refById(tmf, 'Service', context.serviceId)),
              serviceSpecification: refById(tmf, 'ServiceSpecification', context.accessServiceSpecId),
              place: [refById(tmf, 'GeographicAddress', context.addressId, { role: 'installationAddress' })],
              serviceCharacteristic: [{ name: 'accessTechnology', value: context.catalogTechnology }],
            },
          },
        ],
      },
    });
    const item = (sq.serviceQualificationItem as Doc[] | undefined)?.[0];
    if (item?.qualificationResult !== 'qualified') {
      throw qualificationStop(`address ${String(context.addressId)}`, item?.qualificationResult, item?.eligibilityUnavailabilityReason, 'SQ');
    }
    return {
      serviceQualificationId: sq.id,
      ...addToThread({ role: 'checkServiceQualification', api: 'TMF645', resource: 'checkServiceQualification', id: String(sq.id) }),
    };
  },
};
