// The network's domain behaviour of TMF resources, keyed as TmfContext.behaviours expects.

import type { ResourceBehaviour } from '../tmf/resource-service.js';
import { availabilityCheckBehaviour } from './availability-check.js';
import { reservationBehaviour } from './reservation.js';

/** TMF685 AAR over the simulated network: availability checks read the pools, reservations take from them. */
export const networkBehaviours: Record<string, ResourceBehaviour> = {
  'TMF685/reservation': reservationBehaviour,
  'TMF685/availabilityCheck': availabilityCheckBehaviour,
};
