import type { Doc } from '../../store/port.js';
import { JourneyStopped, type StepDefinition } from '../flow.js';
import { addToThread } from '../trace.js';
import { tmfPath } from '../tmf-caller.js';

/** The channel has the installation address validated (TMF673) before anything is qualified. */
export const validateAddress: StepDefinition = {
  id: 'validate-address',
  actor: 'channel',
  title: 'Validate the address (TMF673)',
  async run({ call, context }) {
    const address = await call<Doc>({ from: 'channel', method: 'GET', path: tmfPath('TMF673', 'geographicAddress', String(context.addressId)) });
    const { id: _id, href: _href, '@type': _type, name: _name, ...fields } = address;
    const validation = await call<Doc>({
      from: 'channel',
      method: 'POST',
      path: tmfPath('TMF673', 'geographicAddressValidation'),
      body: { provideAlternative: false, submittedGeographicAddress: fields },
    });
    if (validation.validationResult !== 'success') {
      throw new JourneyStopped('ADDRESS', `address ${String(context.addressId)} did not validate: ${String(validation.validationResult)}`);
    }
    return {
      addressValidationId: validation.id,
      ...addToThread({ role: 'geographicAddress', api: 'TMF673', resource: 'geographicAddress', id: String(context.addressId), via: 'validGeographicAddress' }),
    };
  },
};
