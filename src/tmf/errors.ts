// The error catalog: every client-visible error has a stable code and HTTP status (TMF630 `Error`).
// Messages may change; `code` and `status` are part of the contract.

export const ErrorCodes = {
  MALFORMED_JSON: { code: 'SPN-400-MALFORMED-JSON', status: 400, reason: 'Malformed JSON' },
  INVALID_BODY: { code: 'SPN-400-INVALID-BODY', status: 400, reason: 'Invalid request body' },
  INVALID_QUERY: { code: 'SPN-400-INVALID-QUERY', status: 400, reason: 'Invalid query parameter' },
  INVALID_HEADER: { code: 'SPN-400-INVALID-HEADER', status: 400, reason: 'Invalid request header' },
  MALFORMED_PATH: { code: 'SPN-400-MALFORMED-PATH', status: 400, reason: 'Malformed path' },
  NOT_PATCHABLE: { code: 'SPN-400-NOT-PATCHABLE', status: 400, reason: 'Attribute cannot be patched' },
  NOT_FOUND: { code: 'SPN-404-NOT-FOUND', status: 404, reason: 'Resource not found' },
  NO_SUCH_PATH: { code: 'SPN-404-NO-SUCH-PATH', status: 404, reason: 'Unknown path' },
  METHOD_NOT_ALLOWED: { code: 'SPN-405-METHOD', status: 405, reason: 'Method not allowed' },
  NOT_ACCEPTABLE: { code: 'SPN-406-NOT-ACCEPTABLE', status: 406, reason: 'Not acceptable' },
  CONFLICT: { code: 'SPN-409-CONFLICT', status: 409, reason: 'Conflict' },
  ILLEGAL_TRANSITION: { code: 'SPN-409-ILLEGAL-TRANSITION', status: 409, reason: 'Illegal state transition' },
  BODY_TOO_LARGE: { code: 'SPN-413-TOO-LARGE', status: 413, reason: 'Request body too large' },
  URI_TOO_LONG: { code: 'SPN-414-URI-TOO-LONG', status: 414, reason: 'URI too long' },
  UNSUPPORTED_MEDIA_TYPE: { code: 'SPN-415-MEDIA-TYPE', status: 415, reason: 'Unsupported media type' },
  IDEMPOTENCY_KEY_REUSED: { code: 'SPN-422-IDEMPOTENCY-KEY-REUSED', status: 422, reason: 'Idempotency-Key reused with another request' },
  NETWORK_REFUSED: { code: 'SPN-422-NETWORK-REFUSED', status: 422, reason: 'The network refused the operation' },
  INTERNAL: { code: 'SPN-500-INTERNAL', status: 500, reason: 'Internal error' },
  SERVICE_UNAVAILABLE: { code: 'SPN-503-UNAVAILABLE', status: 503, reason: 'Service unavailable' },
  GATEWAY_TIMEOUT: { code: 'SPN-504-TIMEOUT', status: 504, reason: 'Gateway timeout' },
} as const;

export type ErrorKind = keyof typeof ErrorCodes;

/** The TMF630 error body as sent on the wire. */
export interface TmfErrorBody {
  code: string;
  reason: string;
  message: string;
  status: string;
  referenceError?: string;
  '@type': 'Error';
}

/** A domain or protocol error that maps one-to-one onto a TMF error body. */
export class TmfError extends Error {
  readonly kind: ErrorKind;
  readonly details?: Record<string, unknown>;
  constructor(kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'TmfError';
    this.kind = kind;
    this.details = details;
  }
  get status(): number {
    return ErrorCodes[this.kind].status;
  }
  toBody(): TmfErrorBody {
    return errorBody(this.kind, this.message);
  }
}

export function errorBody(kind: ErrorKind, message: string): TmfErrorBody {
  const { code, status, reason } = ErrorCodes[kind];
  return { code, reason, message, status: String(status), '@type': 'Error' };
}
