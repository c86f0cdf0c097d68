// What a change journey (modify, cease) starts from: a customer's active product, named by the caller
// or found in the product inventory. Nothing is faked: without one the run is refused with a 409.

import { decompose } from '../../catalog/index.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { networkTechnologyOf } from './gpon-provision.js';

/** The customer a change journey is for when the caller names nobody: the one gpon-ftth provisions. */
export const changeDefaults = { customerId: 'cust-56789', targetOfferingId: 'po-xgspon-ftth-2g' } as const;

/** The run context of a modify (`offeringId` is the target offering) or a cease of an existing product. */
export async function prepareChange(input: Doc, tx: Store, action: 'modify' | 'delete'): Promise<Doc> {
  const known = new Set(action === 'modify' ? ['customerId', 'productId', 'offeringId'] : ['customerId', 'productId']);
  const unknown = Object.keys(input).filter((key) => !known.has(key));
  if (unknown.length) throw new TmfError('INVALID_BODY', `unknown run parameter ${unknown.join(', ')}; use ${[...known].join(', ')}`);
  const customerId = String(input.customerId ?? changeDefaults.customerId);
  const customer = await tx.getResource('TMF629', 'customer', customerId);
  if (!customer) throw new TmfError('NOT_FOUND', `customer ${customerId} does not exist`);
  const product = await activeProduct(tx, customerId, input.productId === undefined ? undefined : String(input.productId));
  await refuseOrderInFlight(tx, String(product.id));
  const place = (product.place as Doc[] | undefined)?.find((p) => p.role === 'installationAddress');
  const context: Doc = {
    customerId,
    customerName: customer.doc.name,
    productId: product.id,
    addressId: place?.id,
    billingAccountId: (product.billingAccount as Doc | undefined)?.id,
    orderAction: action,
  };
  if (action === 'delete') return context;
  const offeringId = String(input.offeringId ?? changeDefaults.targetOfferingId);
  const current = (product.productOffering as Doc | undefined)?.id;
  if (offeringId === current) throw new TmfError('INVALID_BODY', `product ${String(product.id)} is already ${offeringId}; name another offering`);
  const offering = await tx.getResource('TMF620', 'productOffering', offeringId);
  if (!offering) throw new TmfError('NOT_FOUND', `productOffering ${offeringId} does not exist`);
  const tree = decompose(offeringId);
  const catalogTechnology = String(tree.productSpecification.characteristics.find((c) => c.name === 'accessTechnology')?.value);
  const networkTechnology = networkTechnologyOf(catalogTechnology);
  if (!networkTechnology) throw new TmfError('INVALID_BODY', `offering ${offeringId} uses ${catalogTechnology}, which the simulated network does not deliver`);
  return { ...context, offeringId, offeringName: offering.doc.name, productSpecId: tree.productSpecification.id, catalogTechnology, networkTechnology };
}

async function activeProduct(tx: Store, customerId: string, productId: string | undefined): Promise<Doc> {
  if (productId !== undefined) {
    const record = await tx.getResource('TMF637', 'product', productId);
    if (!record) throw new TmfError('NOT_FOUND', `product ${productId} does not exist`);
    if (!ownedBy(record.doc, customerId)) throw new TmfError('CONFLICT', `product ${productId} does not belong to customer ${customerId}`);
    if (record.doc.status !== 'active') throw new TmfError('CONFLICT', `product ${productId} is ${String(record.doc.status)}, not active`);
    return record.doc;
  }
  const records = await tx.listResources({ api: 'TMF637', resource: 'product', states: ['active'] });
  const owned = records.map((r) => r.doc).filter((doc) => doc.status === 'active' && ownedBy(doc, customerId));
  const product = owned.find((doc) => (doc.productOffering as Doc | undefined)?.id !== undefined);
  if (!product) throw new TmfError('CONFLICT', `customer ${customerId} has no active product; run gpon-ftth first`);
  return product;
}

// One change at a time: a product with an order still open on it (held for a visit, say) is not changed again.
const OPEN_ORDER_STATES = ['acknowledged', 'inProgress', 'pending', 'held', 'assessingCancellation', 'pendingCancellation'];
async function refuseOrderInFlight(tx: Store, productId: string): Promise<void> {
  const open = await tx.listResources({ api: 'TMF622', resource: 'productOrder', states: OPEN_ORDER_STATES });
  const inFlight = open.map((r) => r.doc).find((order) => ((order.productOrderItem as Doc[] | undefined) ?? []).some((item) => (item.product as Doc | undefined)?.id === productId));
  if (inFlight) throw new TmfError('CONFLICT', `product ${productId} has order ${String(inFlight.id)} ${String(inFlight.state)}; wait until it is done`);
}

function ownedBy(product: Doc, customerId: string): boolean {
  return ((product.relatedParty as Doc[] | undefined) ?? []).some((p) => p.id === customerId && p.role === 'customer');
}

