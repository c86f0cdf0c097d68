// The activation and workforce actors' domain behaviour of TMF resources, keyed as TmfContext.behaviours expects.

import type { ResourceBehaviour } from '../../tmf/resource-service.js';
import { appointmentBehaviour, searchTimeSlotBehaviour } from '../workforce/appointments.js';
import { resourceActivationBehaviour } from './resource-activation.js';

/**
 * TMF702 activation over the simulated network (monitors log each operation) and the TMF646
 * installation calendar. TMF697 work orders need none: the lifecycle guard keeps them consistent.
 */
export const activationBehaviours: Record<string, ResourceBehaviour> = {
  'TMF702/resource': resourceActivationBehaviour,
  'TMF646/searchTimeSlot': searchTimeSlotBehaviour,
  'TMF646/appointment': appointmentBehaviour,
};
