// What a change journey (modify, cease) starts from: a customer's active product, named by the caller
// or found in the product inventory. Nothing is faked: without one the run is refused with a 409.
// Named by nobody, the customer is the product's owner when a product is named, else the first of the
// demo customers a provision goes to who has an active product.

import { decompose } from '../../catalog/index.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import { gponProvisionDefaults, networkTechnologyOf } from './gpon-provision.js';

/** What a modify changes the product to when the caller names no offering. */
export const changeDefaults = { targetOfferingId: 'po-xgspon-ftth-2g' } as const;

/** The run context of a modify (`offeringId` is the target offering) or a cease of an existing product. */
export async function prepareChange(input: Doc, tx: Store, action: 'modify' | 'delete'): Promise<Doc> {
  const known = new Set(action === 'modify' ? ['customerId', 'productId', 'offeringId'] : ['customerId', 'productId']);
  const unknown = Object.keys(input).filter((key) => !known.has(key));
  if (unknown.length) throw new TmfError('INVALID_BODY', `unknown run parameter ${unknown.join(', ')}; use ${[...known].join(', ')}`);
  const customerId = input.customerId !== undefined ? String(input.customerId)
    : input.productId !== undefined ? await ownerOf(tx, String(input.productId))
    : await firstWithActiveProduct(tx, gponProvisionDefaults.customerIds);
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
  const serviceId = (product.realizingService as Doc[] | undefined)?.[0]?.id;
  return {
    ...context,
    offeringId,
    offeringName: offering.doc.name,
    productSpecId: tree.productSpecification.id,
    accessServiceSpecId: tree.services[0]?.spec.id,
    catalogTechnology,
    networkTechnology,
    ...(serviceId !== undefined && { serviceId }),
  };
}

async function activeProduct(tx: Store, customerId: string, productId: string | undefined): Promise<Doc> {
  if (productId !== undefined) {
    const record = await tx.getResource('TMF637', 'product', productId);
    if (!record) throw new TmfError('NOT_FOUND', `product ${productId} does not exist`);
    if (!ownedBy(record.doc, customerId)) throw new TmfError('CONFLICT', `product ${productId} does not belong to customer ${customerId}`);
    if (record.doc.status !== 'active') throw new TmfError('CONFLICT', `product ${productId} is ${String(record.doc.status)}, not active`);
    return record.doc;
  }
  const product = (await activeProducts(tx)).find((doc) => ownedBy(doc, customerId));
  if (!product) throw new TmfError('CONFLICT', `customer ${customerId} has no active product; run gpon-ftth first`);
  return product;
}

/** Active products of an offering, in inventory order. */
async function activeProducts(tx: Store): Promise<Doc[]> {
  const records = await tx.listResources({ api: 'TMF637', resource: 'product', states: ['active'] });
  return records.map((r) => r.doc).filter((doc) => doc.status === 'active' && (doc.productOffering as Doc | undefined)?.id !== undefined);
}

async function ownerOf(tx: Store, productId: string): Promise<string> {
  const record = await tx.getResource('TMF637', 'product', productId);
  if (!record) throw new TmfError('NOT_FOUND', `product ${productId} does not exist`);
  const owner = ((record.doc.relatedParty as Doc[] | undefined) ?? []).find((p) => p.role === 'customer');
  if (!owner) throw new TmfError('CONFLICT', `product ${productId} names no customer; name the customerId`);
  return String(owner.id);
}

async function firstWithActiveProduct(tx: Store, customerIds: readonly string[]): Promise<string> {
  const products = await activeProducts(tx);
  const customerId = customerIds.find((id) => products.some((product) => ownedBy(product, id)));
  if (customerId) return customerId;
  throw new TmfError('CONFLICT', `none of the demo customers ${customerIds.join(', ')} has an active product; run gpon-ftth first`);
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

