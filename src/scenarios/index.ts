import { gponProvision } from '../orchestrator/flows/gpon-provision.js';
import type { Flow } from '../orchestrator/flow.js';
import { failureScenarios } from './failure-scenarios.js';

/** Every runnable journey, as `spine run <scenario>` and `/spine/v1/scenarios` list them. */
export const scenarios: readonly Flow[] = [gponProvision, ...failureScenarios];
