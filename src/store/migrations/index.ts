import type { Migration } from 'kysely';
import * as init from './0001-init.js';
import * as outbox from './0002-outbox.js';
import * as idSequence from './0003-id-sequence.js';
import * as dataset from './0004-dataset.js';
import * as idempotency from './0005-idempotency.js';
import * as orchestration from './0006-orchestration.js';
import * as fallout from './0007-fallout.js';
import * as sharedPayloads from './0008-shared-payloads.js';
import * as unreadIndexes from './0009-unread-indexes.js';
import * as exchangeIndexes from './0010-exchange-indexes.js';
import * as exchangeEvents from './0011-exchange-events.js';
import * as armedFaults from './0012-armed-faults.js';
import * as deliveryIndexes from './0013-delivery-indexes.js';
import * as runLinks from './0014-run-links.js';
import * as datedIndexes from './0015-dated-indexes.js';
import * as createdLinks from './0016-created-links.js';
import * as categoryIndex from './0017-category-index.js';
import * as addressStreets from './0018-address-streets.js';
import * as idempotencyFingerprint from './0019-idempotency-fingerprint.js';
import * as deliveryAddressDerived from './0020-delivery-address-derived.js';

// Numbered, append-only. Never edit one that has shipped; add the next number.
export const migrations: Record<string, Migration> = {
  '0001-init': init,
  '0002-outbox': outbox,
  '0003-id-sequence': idSequence,
  '0004-dataset': dataset,
  '0005-idempotency': idempotency,
  '0006-orchestration': orchestration,
  '0007-fallout': fallout,
  '0008-shared-payloads': sharedPayloads,
  '0009-unread-indexes': unreadIndexes,
  '0010-exchange-indexes': exchangeIndexes,
  '0011-exchange-events': exchangeEvents,
  '0012-armed-faults': armedFaults,
  '0013-delivery-indexes': deliveryIndexes,
  '0014-run-links': runLinks,
  '0015-dated-indexes': datedIndexes,
  '0016-created-links': createdLinks,
  '0017-category-index': categoryIndex,
  '0018-address-streets': addressStreets,
  '0019-idempotency-fingerprint': idempotencyFingerprint,
  '0020-delivery-address-derived': deliveryAddressDerived,
};
