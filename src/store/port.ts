// The persistence port: everything the API, events and orchestration rooms need from storage.
// The SQL adapter implements it over Kysely (SQLite by default); nothing above this file sees SQL.

export type Doc = Record<string, unknown>;

export interface ResourceRecord {
  api: string;
  resource: string;
  id: string;
  doc: Doc;
  state: string | null;
  createdAt: string;
  lastUpdate: string;
}

export interface EventRecord {
  seq: number;
  eventId: string;
  eventType: string;
  api: string;
  resource: string;
  resourceId: string;
  correlationId: string | null;
  eventTime: string;
  envelope: Doc;
}

export interface HubRecord {
  id: string;
  api: string;
  topicId: string | null;
  callback: string;
  query: string | null;
  createdAt: string;
}

/** pending → delivered; pending → failed after the relay's last attempt; pending → cancelled when the hub goes. */
export const DeliveryStatus = { pending: 'pending', delivered: 'delivered', failed: 'failed', cancelled: 'cancelled' } as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

export interface DeliveryRecord {
  seq: number;
  eventSeq: number;
  hubId: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  deliveredAt: string | null;
}

/** A delivery claimed for sending, with the event it carries (undefined if that event is gone). */
export interface LeasedDelivery extends DeliveryRecord {
  event: EventRecord | undefined;
}

/** A delivery with the event it carries, as a listing shows it. */
export interface DeliveryOfEvent extends DeliveryRecord {
  eventId: string;
  eventType: string;
  resourceId: string;
}

export interface DeliveryCount {
  hubId: string;
  status: DeliveryStatus;
  count: number;
}

/** A response remembered under its Idempotency-Key. */
export interface IdempotentResponse {
  key: string;
  method: string;
  path: string;
  status: number;
  response: Doc | null;
  createdAt: string;
  /** SHA-256 of the first request's body; null for keys stored before it was kept. */
  requestHash: string | null;
}

/** A journey: one scenario run, its correlationId, and the ids its steps produced so far. */
export interface RunRecord {
  id: string;
  scenario: string;
  status: string;
  correlationId: string;
  input: Doc;
  /** What the steps produced; its `thread` (links `{ id, … }`) is the golden thread, indexed by id. */
  context: Doc;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A journey held for an operator: the run, where it stopped, why, and what it holds. */
export interface FalloutRecord {
  id: string;
  runId: string;
  /** open until an operator acts; then resolved (resume, retry) or aborted. */
  status: string;
  /** The structured error, step, orders and resolution, as the fallout API serves them. */
  entry: Doc;
  createdAt: string;
  updatedAt: string;
}

/** A fault armed for injection and how many times it has yet to fire. */
export interface ArmedFaultRecord {
  id: string;
  fault: string;
  times: number;
  remaining: number;
  /** Only requests of this journey; null: any request. */
  correlationId: string | null;
  armedAt: string;
}

/** One step of a run as a persisted job with its checkpoint. */
export interface RunStepRecord {
  runId: string;
  position: number;
  step: string;
  status: string;
  attempts: number;
  nextRunAt: string;
  output: Doc | null;
  error: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** One call from one actor to another's TMF API, with what was sent and answered. */
export interface ExchangeRecord {
  seq: number;
  runId: string | null;
  /** The run step that made the call. */
  step: string | null;
  correlationId: string | null;
  from: string;
  to: string;
  api: string;
  method: string;
  path: string;
  request: unknown;
  response: unknown;
  status: number;
  startedAt: string;
  endedAt: string;
  /** The ids of the events the call caused, in the order they were appended (none for a refused call). */
  events: string[];
}

export interface ResourceSelector {
  api: string;
  resource: string;
  /** Narrow to these lifecycle states: the documents whose state field is one of these strings. */
  states?: string[];
  /**
   * Leave out documents whose date-time at `path` is certainly before `at` (by more than any time
   * zone's offset); a document without one there, or with one SQL cannot read, is kept. A coarse cut
   * before the caller's exact test, so a list of dated documents does not grow with the past.
   */
  notBefore?: { path: readonly string[]; at: string };
  /** Narrow to documents whose top-level attributes have these string values. */
  attributes?: Readonly<Record<string, string>>;
  /**
   * Narrow to documents one of whose keys has one of the values given for it. Keys are what the
   * adapter indexes a collection by, computed from each document: a TMF673 geographicAddress has
   * `street` (name and type) and `streetName`, as tmf/address-words compares them.
   */
  keys?: Readonly<Record<string, readonly string[]>>;
}

export interface EventSelector {
  api?: string;
  correlationId?: string;
  resourceId?: string;
  afterSeq?: number;
  limit?: number;
  /** Newest first (the log is read from its end: a recent event is found without reading the past). */
  newestFirst?: boolean;
}

/**
 * Storage as one interface; inside `transaction` the same interface reads and writes atomically.
 * A transaction opened inside another is a savepoint: if its work throws, its writes are undone
 * and the outer transaction goes on.
 */
export interface Store {
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;

  getResource(api: string, resource: string, id: string): Promise<ResourceRecord | undefined>;
  listResources(selector: ResourceSelector): Promise<ResourceRecord[]>;
  /** The same resources, handed to `visit` one at a time: a reader that keeps some of them never holds them all. */
  eachResource(selector: ResourceSelector, visit: (record: ResourceRecord) => void): Promise<void>;
  /** The `limit` of them from 0-based `offset`, and how many there are in all, read together. */
  pageResources(selector: ResourceSelector, offset: number, limit: number): Promise<{ records: ResourceRecord[]; total: number }>;
  /** Inserts a new resource; returns false (and writes nothing) when the id is already taken. */
  insertResource(record: ResourceRecord): Promise<boolean>;
  replaceResource(record: ResourceRecord): Promise<void>;
  deleteResource(api: string, resource: string, id: string): Promise<boolean>;

  appendEvent(event: Omit<EventRecord, 'seq'>): Promise<EventRecord>;
  listEvents(selector: EventSelector): Promise<EventRecord[]>;
  getEvent(eventId: string): Promise<EventRecord | undefined>;

  insertHub(hub: HubRecord): Promise<void>;
  getHub(id: string): Promise<HubRecord | undefined>;
  deleteHub(id: string): Promise<boolean>;
  /** An API's hubs (every API's when none is named), oldest first: by creation time, then in the order they were stored. */
  listHubs(api?: string): Promise<HubRecord[]>;

  insertDelivery(delivery: Omit<DeliveryRecord, 'seq' | 'attempts' | 'lastError' | 'deliveredAt'>): Promise<void>;
  /**
   * Claims deliveries due by `now` for sending: the oldest `perHub` of each of the `hubs` hubs whose
   * oldest due delivery is oldest, only of `hubId` when given and none of the hubs in `busyHubs`;
   * oldest first. A claimed delivery is not due again before `until`: if its sender dies before
   * recording the attempt, it is sent again then.
   */
  leaseDeliveries(selector: { now: string; until: string; hubs: number; perHub: number; busyHubs: readonly string[]; hubId?: string }): Promise<LeasedDelivery[]>;
  /** When the earliest pending delivery of a hub not in `busyHubs` is due, if any is pending. */
  nextDeliveryTime(busyHubs?: readonly string[]): Promise<string | undefined>;
  recordDeliveryAttempt(seq: number, outcome: { delivered: boolean; at: string; nextAttemptAt?: string; error?: string; giveUp?: boolean }): Promise<void>;
  /** Ends the leases of deliveries whose sending stopped unanswered: still pending, attempts unchanged, due at `at`. */
  releaseDeliveries(seqs: readonly number[], at: string): Promise<void>;
  /** Oldest first, each with its event's ids: a hub's (when `hubId` is given), of one journey's events (when `correlationId` is), at most `limit`. */
  listDeliveries(selector?: { hubId?: string; correlationId?: string; limit?: number }): Promise<DeliveryOfEvent[]>;
  /** How many deliveries each hub has in each status; only those of one journey's events when `correlationId` is given. */
  countDeliveries(selector: { correlationId?: string }): Promise<DeliveryCount[]>;

  /** Takes the next number of a named sequence (starting at 1, or where `seedSequence` put it). */
  nextInSequence(name: string): Promise<number>;
  /** Sets where a sequence starts, unless it has already been used; returns whether it was set. */
  seedSequence(name: string, next: number): Promise<boolean>;

  insertRun(run: RunRecord): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  updateRun(id: string, change: Partial<Pick<RunRecord, 'status' | 'context' | 'error' | 'updatedAt'>>): Promise<void>;
  /** Newest first; `statuses` narrows to runs in one of them, `mentioning` to runs whose golden thread (`context.thread`) holds the id. */
  listRuns(selector: { scenario?: string; correlationId?: string; statuses?: readonly string[]; mentioning?: string; limit?: number }): Promise<RunRecord[]>;

  insertRunStep(step: Omit<RunStepRecord, 'attempts' | 'output' | 'error' | 'startedAt' | 'endedAt'>): Promise<void>;
  updateRunStep(runId: string, position: number, change: Partial<Omit<RunStepRecord, 'runId' | 'position' | 'step'>>): Promise<void>;
  /** Pending steps due by `now`, of runs of the given scenarios only (a runner takes only what it can run). */
  dueRunSteps(now: string, limit: number, scenarios: readonly string[]): Promise<RunStepRecord[]>;
  listRunSteps(runId: string): Promise<RunStepRecord[]>;
  getRunStep(runId: string, position: number): Promise<RunStepRecord | undefined>;
  /** When the earliest pending step of these scenarios is due, if any is pending. */
  nextRunStepTime(scenarios: readonly string[]): Promise<string | undefined>;

  appendExchange(exchange: Omit<ExchangeRecord, 'seq'>): Promise<ExchangeRecord>;
  /** Oldest first; at most `limit` when given. */
  listExchanges(selector: { runId?: string; correlationId?: string; afterSeq?: number; limit?: number }): Promise<ExchangeRecord[]>;
  /** The newest event and exchange sequence numbers (0 when none): where a live stream starts. */
  latestActivity(): Promise<{ eventSeq: number; exchangeSeq: number }>;

  getIdempotentResponse(key: string): Promise<IdempotentResponse | undefined>;
  putIdempotentResponse(response: IdempotentResponse): Promise<void>;

  /** Inserts or replaces a fallout entry. */
  putFallout(record: FalloutRecord): Promise<void>;
  getFallout(id: string): Promise<FalloutRecord | undefined>;
  /** Newest first; only those with `status` when given. */
  listFallout(selector: { status?: string; limit?: number }): Promise<FalloutRecord[]>;

  /** Inserts or replaces an armed fault. */
  putArmedFault(record: ArmedFaultRecord): Promise<void>;
  /** False when there was none with this id. */
  deleteArmedFault(id: string): Promise<boolean>;
  /** In the order they were armed. */
  listArmedFaults(): Promise<ArmedFaultRecord[]>;

  /** Calls `listener` after each commit that wrote deliveries (the relay's cue to run). */
  onDeliveriesCommitted(listener: () => void): void;

  /** Records that a dataset was loaded; false when it already had been (the caller then skips it). */
  markDatasetLoaded(name: string, at: string): Promise<boolean>;

  close(): Promise<void>;
}
