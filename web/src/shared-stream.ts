/** What the shared stream uses of an EventSource: the browser's, or a stand-in in tests. */
export interface StreamSource {
  readonly readyState: number;
  addEventListener(type: string, listener: (message: { data?: unknown }) => void): void;
  close(): void;
}

// EventSource.readyState values.
const OPEN = 1;
const CLOSED = 2;

export interface StreamSubscription {
  /** Settles once the connection is open (at once if it is already): messages sent from then on reach the listener. Never settles if unsubscribed before. */
  readonly opened: Promise<void>;
  /** Stops the listener; the last subscription to stop closes the connection. Calling it again does nothing. */
  unsubscribe(): void;
}

export interface SharedStream<Messages> {
  /** Hears every message of `type`, its data parsed from JSON, until unsubscribed. */
  subscribe<Type extends keyof Messages & string>(type: Type, listener: (data: Messages[Type]) => void): StreamSubscription;
  /** How many subscriptions hold the connection open. */
  readonly holders: number;
}

/**
 * One connection to a Server-Sent-Event stream, shared by everything that listens to it: the first
 * subscription opens it, the last to leave closes it. Each open stream is a poll loop on the server,
 * and two would let two views of the page hear the same stack at different moments.
 * Reconnecting is the source's own: an EventSource resumes after its Last-Event-ID. One that has
 * given up (closed by the browser) is replaced by a new connection at the next subscription.
 */
export function createSharedStream<Messages>(connect: () => StreamSource): SharedStream<Messages> {
  type Listener = (data: never) => void;
  const listeners = new Map<string, Set<{ listener: Listener }>>();
  let source: StreamSource | undefined;
  // The message types the current connection hands to the listeners.
  let hooked = new Set<string>();
  let awaitingOpen: (() => void)[] = [];
  let holders = 0;

  const hook = (type: string) => {
    if (!source || hooked.has(type)) return;
    hooked.add(type);
    source.addEventListener(type, (message) => {
      const entries = [...(listeners.get(type) ?? [])];
      if (!entries.length) return;
      const data = JSON.parse(String(message.data)) as never;
      for (const { listener } of entries) {
        // One listener failing does not keep the message from the others: the error is reported on its own.
        try {
          listener(data);
        } catch (error) {
          setTimeout(() => {
            throw error;
          });
        }
      }
    });
  };

  const connectOnce = () => {
    if (source && source.readyState !== CLOSED) return;
    source?.close();
    source = connect();
    hooked = new Set();
    source.addEventListener('open', () => {
      const waiting = awaitingOpen;
      awaitingOpen = [];
      for (const resolve of waiting) resolve();
    });
    for (const type of listeners.keys()) hook(type);
  };

  const disconnect = () => {
    source?.close();
    source = undefined;
    hooked = new Set();
    awaitingOpen = [];
  };

  return {
    subscribe(type, listener) {
      connectOnce();
      const entry = { listener: listener as Listener };
      let entries = listeners.get(type);
      if (!entries) listeners.set(type, (entries = new Set()));
      entries.add(entry);
      hook(type);
      holders += 1;
      const opened = source!.readyState === OPEN ? Promise.resolve() : new Promise<void>((resolve) => awaitingOpen.push(resolve));
      let subscribed = true;
      return {
        opened,
        unsubscribe() {
          if (!subscribed) return;
          subscribed = false;
          entries.delete(entry);
          if (!entries.size) listeners.delete(type);
          holders -= 1;
          if (!holders) disconnect();
        },
      };
    },
    get holders() {
      return holders;
    },
  };
}
