import { gponCease } from '../orchestrator/flows/gpon-cease.js';
import { gponHeldFieldVisit } from '../orchestrator/flows/gpon-held-field-visit.js';
import { gponPendingSlot } from '../orchestrator/flows/gpon-pending-slot.js';
import { gponProvision } from '../orchestrator/flows/gpon-provision.js';
import { gponUpgrade } from '../orchestrator/flows/gpon-upgrade.js';
import { serviceFollowUp } from '../orchestrator/flows/service-follow-up.js';
import type { Flow } from '../orchestrator/flow.js';
import { failureScenarios } from './failure-scenarios.js';

/** Every runnable journey, as `spine run <scenario>` and `/spine/v1/scenarios` list them. */
export const scenarios: readonly Flow[] = [gponProvision, gponUpgrade, gponHeldFieldVisit, gponPendingSlot, gponCease, serviceFollowUp, ...failureScenarios];
