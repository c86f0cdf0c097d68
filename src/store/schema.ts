import type { Generated } from 'kysely';

// Table shapes as the SQL sees them (snake_case, JSON stored as text). Mappers turn rows into resources.

export interface ResourceTable {
  seq: Generated<number>;
  api: string;
  resource: string;
  id: string;
  doc: string;
  state: string | null;
  created_at: string;
  last_update: string;
}

export interface EventTable {
  seq: Generated<number>;
  event_id: string;
  event_type: string;
  api: string;
  resource: string;
  resource_id: string;
  correlation_id: string | null;
  event_time: string;
  envelope: string;
  payload_key: string | null;
  payload: string | null;
  payload_seq: number | null;
  domain: string | null;
}

export interface HubTable {
  id: string;
  api: string;
  topic_id: string | null;
  callback: string;
  query: string | null;
  created_at: string;
}

export interface DeliveryTable {
  seq: Generated<number>;
  event_seq: number;
  hub_id: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
}

export interface IdSequenceTable {
  name: string;
  next: number;
}

export interface DatasetTable {
  name: string;
  loaded_at: string;
}

export interface IdempotencyTable {
  key: string;
  method: string;
  path: string;
  status: number;
  response: string | null;
  created_at: string;
  request_hash: string | null;
}

export interface RunTable {
  id: string;
  scenario: string;
  status: string;
  correlation_id: string;
  input: string;
  context: string;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface RunStepTable {
  run_id: string;
  position: number;
  step: string;
  status: string;
  attempts: Generated<number>;
  next_run_at: string;
  output: string | null;
  error: string | null;
  started_at: string | null;
  ended_at: string | null;
}

export interface ExchangeTable {
  seq: Generated<number>;
  run_id: string | null;
  step: string | null;
  correlation_id: string | null;
  from_actor: string;
  to_actor: string;
  api: string;
  method: string;
  path: string;
  request: string | null;
  response: string | null;
  status: number;
  started_at: string;
  ended_at: string;
  response_event: number | null;
  event_ids: string | null;
}

export interface FalloutTable {
  id: string;
  run_id: string;
  status: string;
  entry: string;
  created_at: string;
  updated_at: string;
}

export interface ArmedFaultTable {
  id: string;
  fault: string;
  times: number;
  remaining: number;
  correlation_id: string | null;
  armed_at: string;
}

/** One id of a run's golden thread (context.thread[].id), for finding the run from it. */
export interface RunLinkTable {
  id: string;
  run_id: string;
}

export interface Schema {
  armed_fault: ArmedFaultTable;
  fallout: FalloutTable;
  run: RunTable;
  run_step: RunStepTable;
  run_link: RunLinkTable;
  exchange: ExchangeTable;
  idempotency: IdempotencyTable;
  dataset: DatasetTable;
  id_sequence: IdSequenceTable;
  resource: ResourceTable;
  event: EventTable;
  hub: HubTable;
  delivery: DeliveryTable;
}
