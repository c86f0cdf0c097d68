import { createHash } from 'node:crypto';
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
 * nothing. The same key on a different method or path is a client error (409); on the same one with
 * another body it is 422, as the IETF Idempotency-Key draft has it: a retry sends the same request.
 */
export async function idempotentWrite(
  store: Store,
  request: { key: string | undefined; method: string; path: string; body: unknown; at: () => string },
  write: (tx: Store) => Promise<WriteOutcome>,
): Promise<WriteOutcome & { replayed: boolean }> {
  const { key } = request;
  if (key === undefined) return { ...(await store.transaction(write)), replayed: false };
  if (!KEY.test(key)) throw new TmfError('INVALID_HEADER', 'Idempotency-Key must be 1-200 visible ASCII characters');
  const requestHash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex');
  return store.transaction(async (tx) => {
    const prior = await tx.getIdempotentResponse(key);
    if (prior) {
      if (prior.method !== request.method || prior.path !== request.path) {
        throw new TmfError('CONFLICT', `Idempotency-Key ${key} was already used for ${prior.method} ${prior.path}`);
      }
      if (prior.requestHash !== null && prior.requestHash !== requestHash) {
        throw new TmfError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key ${key} was already used for ${prior.method} ${prior.path} with another body; a retry sends the same body, a new request a new key`);
      }
      return { status: prior.status, body: prior.response, replayed: true };
    }
    const outcome = await write(tx);
    await tx.putIdempotentResponse({ key, method: request.method, path: request.path, status: outcome.status, response: outcome.body, createdAt: request.at(), requestHash });
    return { ...outcome, replayed: false };
  });
}
