import type { Doc, Store } from '../store/port.js';
import { TmfError } from './errors.js';

/** A write's outcome as the HTTP layer sends it. */
export interface WriteOutcome {
  status: number;
  body: Doc | null;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Runs a write at most once per Idempotency-Key: the first request executes `write` and stores its
 * response in the same transaction; a retry with the same key gets that response back and changes
 * nothing. The same key on a different method or path is a client error (409).
 */
export async function idempotentWrite(
  store: Store,
  request: { key: string | undefined; method: string; path: string; at: () => string },
  write: (tx: Store) => Promise<WriteOutcome>,
): Promise<WriteOutcome & { replayed: boolean }> {
  const { key } = request;
  if (key === undefined) return { ...(await store.transaction(write)), replayed: false };
  if (!KEY.test(key)) throw new TmfError('INVALID_HEADER', 'Idempotency-Key must be 1-200 visible ASCII characters');
  return store.transaction(async (tx) => {
    const prior = await tx.getIdempotentResponse(key);
    if (prior) {
      if (prior.method !== request.method || prior.path !== request.path) {
        throw new TmfError('CONFLICT', `Idempotency-Key ${key} was already used for ${prior.method} ${prior.path}`);
      }
      return { status: prior.status, body: prior.response, replayed: true };
    }
    const outcome = await write(tx);
    await tx.putIdempotentResponse({ key, method: request.method, path: request.path, status: outcome.status, response: outcome.body, createdAt: request.at() });
    return { ...outcome, replayed: false };
  });
}
