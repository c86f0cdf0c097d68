import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';
import { qualificationStop } from './qualification-stop.js';
import { customerParty, refById } from './refs.js';

/** Gate 1: COM checks commercial eligibility of the offering for this customer (TMF679). */
export const qualifyOffering: StepDefinition = {
  id: 'qualify-offering',
  actor: 'com',
  title: 'Commercial qualification (TMF679)',
  async run({ call, context, tmf }) {
    const poq = await call<Doc>({
      from: 'com',
      method: 'POST',
      path: tmfPath('TMF679', 'productOfferingQualification'),
      body: {
        instantSyncQualification: true,
        provideAlternative: true,
        provideUnavailabilityReason: true,
        relatedParty: [customerParty(tmf, context)],
        productOfferingQualificationItem: [{ id: '1', productOffering: refById(tmf, 'ProductOffering', context.offeringId) }],
      },
    });
    const item = (poq.productOfferingQualificationItem as Doc[] | undefined)?.[0];
    if (item?.qualificationItemResult !== 'qualified') {
      throw qualificationStop(`offering ${String(context.offeringId)}`, item?.qualificationItemResult, item?.eligibilityUnavailabilityReason, 'POQ');
    }
    return {
      productOfferingQualificationId: poq.id,
      ...addToThread({ role: 'productOfferingQualification', api: 'TMF679', resource: 'productOfferingQualification', id: String(poq.id) }),
    };
  },
};
