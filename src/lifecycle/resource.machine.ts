// TMF639 v4 Resource carries four independent X.731-style attributes, so the entity has four
// machines. Resource inventory records things that exist before Spine sees them, hence the wide
// initial sets: the first value of an observed attribute is whatever was observed.

import { defineMachine } from './machine.js';

const source = (type: string) =>
  `TMF639 v4.0.0 ${type}; transitions inferred from ITU-T X.731 state management (TMF-DOMAIN §4.5)`;

/** TMF639 Resource.administrativeState: whether operators permit the resource to be used. */
export const resourceAdministrativeStateMachine = defineMachine({
  id: 'resource-administrative-state',
  entity: 'Resource',
  api: 'TMF639',
  resource: 'resource',
  field: 'administrativeState',
  states: {
    locked: {
      category: 'blocked',
      meaning: 'Administratively prohibited from use',
      to: [{ state: 'unlocked', trigger: 'An operator or ROM puts it in service' }],
    },
    unlocked: {
      category: 'success',
      meaning: 'Administratively permitted to be used',
      to: [
        { state: 'locked', trigger: 'An operator locks it at once' },
        { state: 'shutdown', trigger: 'An operator asks for a graceful shutdown' },
      ],
    },
    shutdown: {
      category: 'inFlight',
      meaning: 'Shutting down: existing users may finish, no new ones; locks when the last one leaves',
      to: [
        { state: 'locked', trigger: 'The last user leaves, or an operator locks it' },
        { state: 'unlocked', trigger: 'An operator cancels the shutdown' },
      ],
    },
  },
  initial: ['locked', 'unlocked'],
  terminal: [],
  source: source('ResourceAdministrativeStateType'),
});

/** TMF639 Resource.operationalState: whether the resource physically works. */
export const resourceOperationalStateMachine = defineMachine({
  id: 'resource-operational-state',
  entity: 'Resource',
  api: 'TMF639',
  resource: 'resource',
  field: 'operationalState',
  states: {
    enable: {
      category: 'success',
      meaning: 'Installed and working',
      to: [{ state: 'disable', trigger: 'A fault, or the loss of a resource it depends on' }],
    },
    disable: {
      category: 'failure',
      meaning: 'Not operable: faulty, not installed, or a resource it depends on failed',
      to: [{ state: 'enable', trigger: 'The fault is repaired' }],
    },
  },
  initial: ['enable', 'disable'],
  terminal: [],
  source: source('ResourceOperationalStateType'),
});

/** TMF639 Resource.usageState: how much of the resource's capacity is taken (a full PON port is busy). */
export const resourceUsageStateMachine = defineMachine({
  id: 'resource-usage-state',
  entity: 'Resource',
  api: 'TMF639',
  resource: 'resource',
  field: 'usageState',
  states: {
    idle: {
      category: 'initial',
      meaning: 'Not in use',
      to: [
        { state: 'active', trigger: 'A first user is assigned and capacity remains (e.g. the first ONT on a PON port)' },
        { state: 'busy', trigger: 'One user takes all its capacity (e.g. an ONT assigned to a service)' },
      ],
    },
    active: {
      category: 'success',
      meaning: 'In use, with spare capacity',
      to: [
        { state: 'busy', trigger: 'A user takes the last capacity (e.g. the 32nd ONT on a PON port)' },
        { state: 'idle', trigger: 'The last user is released' },
      ],
    },
    busy: {
      category: 'success',
      meaning: 'In use, no spare capacity (a PON port at 32/32 ONTs: TECH-001 capacity exhausted)',
      to: [
        { state: 'active', trigger: 'A user is released and capacity frees up' },
        { state: 'idle', trigger: 'The last user is released' },
      ],
    },
  },
  initial: ['idle', 'active', 'busy'],
  terminal: [],
  source: source('ResourceUsageStateType'),
});

/** TMF639 Resource.resourceStatus (v4 only): availability for reservation and service. */
export const resourceStatusMachine = defineMachine({
  id: 'resource-status',
  entity: 'Resource',
  api: 'TMF639',
  resource: 'resource',
  field: 'resourceStatus',
  states: {
    available: {
      category: 'initial',
      meaning: 'Free to be reserved and used',
      to: [
        { state: 'reserved', trigger: 'A TMF685 reservation or a resource order allocates it' },
        { state: 'standby', trigger: 'It is kept as a backup' },
        { state: 'suspended', trigger: 'It is taken out of service for a while (e.g. maintenance)' },
        { state: 'alarm', trigger: 'An alarm is raised against it' },
        { state: 'unknown', trigger: 'Contact with it is lost' },
      ],
    },
    reserved: {
      category: 'reserved',
      meaning: 'Allocated to a reservation or order (stays so while in use; usageState says how busy)',
      to: [
        { state: 'available', trigger: 'The reservation is released (cease, compensation or expiry)' },
        { state: 'suspended', trigger: 'It is taken out of service for a while' },
        { state: 'alarm', trigger: 'An alarm is raised against it' },
        { state: 'unknown', trigger: 'Contact with it is lost' },
      ],
    },
    standby: {
      category: 'blocked',
      meaning: 'Ready as a backup, not providing service',
      to: [
        { state: 'available', trigger: 'It is put back into the available pool' },
        { state: 'suspended', trigger: 'It is taken out of service for a while' },
        { state: 'alarm', trigger: 'An alarm is raised against it' },
        { state: 'unknown', trigger: 'Contact with it is lost' },
      ],
    },
    suspended: {
      category: 'blocked',
      meaning: 'Temporarily out of service',
      to: [
        { state: 'available', trigger: 'The suspension ends' },
        { state: 'standby', trigger: 'It returns as a backup' },
        { state: 'alarm', trigger: 'An alarm is raised against it' },
        { state: 'unknown', trigger: 'Contact with it is lost' },
      ],
    },
    alarm: {
      category: 'failure',
      meaning: 'An alarm is outstanding against it',
      to: [
        { state: 'available', trigger: 'The alarm clears' },
        { state: 'standby', trigger: 'The alarm clears on a backup' },
        { state: 'suspended', trigger: 'It is taken out of service for repair' },
        { state: 'unknown', trigger: 'Contact with it is lost' },
      ],
    },
    unknown: {
      category: 'initial',
      meaning: 'Its status cannot be determined (not yet discovered, or contact lost)',
      to: [
        { state: 'available', trigger: 'Discovery finds it free' },
        { state: 'standby', trigger: 'Discovery finds it in standby' },
        { state: 'suspended', trigger: 'Discovery finds it out of service' },
        { state: 'alarm', trigger: 'Discovery finds an alarm' },
      ],
    },
  },
  // Every observed status may be the first one, except reserved: only a reservation makes a resource reserved.
  initial: ['available', 'standby', 'suspended', 'alarm', 'unknown'],
  terminal: [],
  source: source('ResourceStatusType') + '; a resource is reserved only from available',
});
