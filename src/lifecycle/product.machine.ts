import { defineMachine } from './machine.js';

/** TMF637 Product.status: the customer's product instance in product inventory, from order to cease. */
export const productMachine = defineMachine({
  id: 'product',
  entity: 'Product',
  api: 'TMF637',
  resource: 'product',
  field: 'status',
  states: {
    created: {
      category: 'initial',
      meaning: 'Recorded in product inventory from a product order item; delivery not started',
      to: [
        { state: 'pendingActive', trigger: 'COM starts delivering the product order item' },
        { state: 'cancelled', trigger: 'The product order is cancelled or rejected before delivery starts' },
      ],
    },
    pendingActive: {
      category: 'inFlight',
      meaning: 'Being delivered: services and resources are being provisioned',
      to: [
        { state: 'active', trigger: 'The product order item completes; billing starts' },
        { state: 'aborted', trigger: 'Delivery stops: the product order item fails or is cancelled mid-delivery' },
      ],
    },
    active: {
      category: 'success',
      meaning: 'Delivered and usable; billed from now until termination completes',
      to: [
        { state: 'suspended', trigger: 'The provider suspends it (e.g. non-payment) or the customer asks for a pause' },
        { state: 'pendingTerminate', trigger: 'A delete (cease) product order item starts' },
      ],
    },
    suspended: {
      category: 'blocked',
      meaning: 'Temporarily not usable; can be resumed',
      to: [
        { state: 'active', trigger: 'The suspension is lifted' },
        { state: 'pendingTerminate', trigger: 'A delete (cease) product order item starts while suspended' },
      ],
    },
    pendingTerminate: {
      category: 'endOfLife',
      meaning: 'Being ceased: services and resources are being released; still billed',
      to: [{ state: 'terminated', trigger: 'The cease order item completes' }],
    },
    terminated: { category: 'endOfLife', meaning: 'Ceased; kept for history, no longer billed', to: [] },
    cancelled: { category: 'failure', meaning: 'Never delivered: its order was cancelled before delivery', to: [] },
    aborted: { category: 'failure', meaning: 'Delivery was started and then abandoned', to: [] },
  },
  initial: ['created'],
  terminal: ['terminated', 'cancelled', 'aborted'],
  // The v4 and v5 ProductStatusType enums publish "aborted " with a trailing space; both spellings are read as aborted.
  aliases: { 'aborted ': 'aborted' },
  source:
    'TMF637 v4.0.0 ProductStatusType (aborted without the spec\'s trailing space, which is accepted as an alias); transitions from the TMF637 user guide (TMF-DOMAIN §4.6), triggers inferred',
});
