import type { Doc } from '../../store/port.js';
import type { StepDefinition } from '../flow.js';
import { CallFailed, tmfPath } from '../tmf-caller.js';
import { hrefById } from './refs.js';

/**
 * The customer asks to cancel the order through the channel (TMF622 cancelProductOrder). COM decides:
 * accepted, the journey stops and is rolled back; denied (after the point of no return), the answer
 * is recorded and delivery carries on with the order untouched.
 */
export const requestCancellation: StepDefinition = {
  id: 'request-cancellation',
  actor: 'channel',
  title: 'Customer asks to cancel the order (TMF622 cancelProductOrder)',
  async run({ call, context, tx, tmf }) {
    const productOrderId = String(context.productOrderId);
    try {
      const task = await call<Doc>({
        from: 'channel',
        method: 'POST',
        path: tmfPath('TMF622', 'cancelProductOrder'),
        body: { productOrder: { id: productOrderId, href: hrefById(tmf, 'ProductOrder', productOrderId) }, cancellationReason: 'Customer changed their mind' },
      });
      return { cancelProductOrderId: task.id };
    } catch (error) {
      if (!(error instanceof CallFailed) || error.cause.status >= 500) throw error;
      // A denial is an answer, not a failure: keep the call and carry on.
      await tx.appendExchange(error.exchange);
      return { cancellationDenied: error.cause.message };
    }
  },
};
