// What a change journey (modify, cease) starts from: a customer's active product, named by the caller
// or found in the product inventory. Nothing is faked: without one the run is refused with a 409.
// Named by nobody, the customer is the product's owner when a product is named, else the first of the
// demo customers a provision goes to who has an active product the change applies to: one with no
// order open on it and, for a modify, not on the target offering already.

import { decompose } from '../../catalog/index.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import type { TmfContext } from '../../tmf/resource-service.js';
import { RunStatus } from '../flow.js';
import { gponProvisionDefaults, networkTechnologyOf } from './gpon-provision.js';

/** The run parameters of a modify and of a cease. */
export const ChangeParameters = { modify: ['customerId', 'productId', 'offeringId'], delete: ['customerId', 'productId'] } as const;

/** What a modify changes the product to when the caller names no offering. */
export const changeDefaults = { targetOfferingId: 'po-xgspon-ftth-2g' } as const;

/** The run context of a modify (`offeringId` is the target offering) or a cease of an existing product. */
export async function prepareChange(input: Doc, tx: Store, tmf: TmfContext, action: 'modify' | 'delete'): Promise<Doc> {
  const target = action === 'modify' ? String(input.offeringId ?? changeDefaults.targetOfferingId) : undefined;
  const [busy, products] = [await productsWithOpenOrders(tx), await activeProducts(tx)];
  const applies = (product: Doc) => !whyNotChangeable(product, busy, target);
  const customerId = input.customerId !== undefined ? String(input.customerId)
    : input.productId !== undefined ? await ownerOf(tx, String(input.productId))
    : firstWithActiveProduct(products, gponProvisionDefaults.customerIds, busy, target);
  const customer = await tx.getResource('TMF629', 'customer', customerId);
  if (!customer) throw new TmfError('NOT_FOUND', `customer ${customerId} does not exist`);
  const product = await activeProduct(tx, products, customerId, input.productId === undefined ? undefined : String(input.productId), applies, busy);
  const openOrder = busy.get(String(product.id));
  if (openOrder) throw new TmfError('CONFLICT', `product ${String(product.id)} has ${openOrder}; wait until it is done`);
  const place = (product.place as Doc[] | undefined)?.find((p) => p.role === 'installationAddress');
  const context: Doc = {
    customerId,
    customerName: customer.doc.name,
    productId: product.id,
    addressId: place?.id,
    billingAccountId: (product.billingAccount as Doc | undefined)?.id,
    orderAction: action,
  };
  if (target === undefined) return context;
  const offeringId = target;
  const current = (product.productOffering as Doc | undefined)?.id;
  if (offeringId === current) throw new TmfError('INVALID_BODY', `product ${String(product.id)} is already ${offeringId}; name another offering`);
  const offering = await tx.getResource('TMF620', 'productOffering', offeringId);
  if (!offering) throw new TmfError('NOT_FOUND', `productOffering ${offeringId} does not exist`);
  const tree = decompose(tmf, offering.doc);
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

// The named product, else the customer's first active product the change applies to, else their first.
async function activeProduct(tx: Store, products: readonly Doc[], customerId: string, productId: string | undefined, applies: (product: Doc) => boolean, busy: ReadonlyMap<string, string>): Promise<Doc> {
  if (productId !== undefined) {
    const record = await tx.getResource('TMF637', 'product', productId);
    if (!record) throw new TmfError('NOT_FOUND', `product ${productId} does not exist`);
    if (!ownedBy(record.doc, customerId)) throw new TmfError('CONFLICT', `product ${productId} does not belong to customer ${customerId}`);
    if (record.doc.status !== 'active') throw new TmfError('CONFLICT', `product ${productId} is ${String(record.doc.status)}, not active`);
    return record.doc;
  }
  const owned = products.filter((doc) => ownedBy(doc, customerId));
  const product = owned.find(applies) ?? owned[0];
  if (product) return product;
  // A product on its way in or out (a provision or a cease still open) is not "none": say which and why.
  const changing = (await tx.listResources({ api: 'TMF637', resource: 'product', states: ['pendingActive', 'pendingTerminate'] })).map((r) => r.doc).find((doc) => ownedBy(doc, customerId));
  if (changing) {
    const order = busy.get(String(changing.id));
    throw new TmfError('CONFLICT', `customer ${customerId} has no active product: product ${String(changing.id)} is ${String(changing.status)}${order ? ` with ${order}` : ''}; wait until it is done`);
  }
  throw new TmfError('CONFLICT', `customer ${customerId} has no active product; run gpon-ftth first`);
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

function firstWithActiveProduct(active: readonly Doc[], customerIds: readonly string[], busy: ReadonlyMap<string, string>, target: string | undefined): string {
  const products = active.filter((product) => customerIds.some((id) => ownedBy(product, id)));
  const why = (product: Doc) => whyNotChangeable(product, busy, target);
  const customerId = customerIds.find((id) => products.some((product) => ownedBy(product, id) && !why(product)));
  if (customerId) return customerId;
  if (!products.length) throw new TmfError('CONFLICT', `none of the demo customers ${customerIds.join(', ')} has an active product; run gpon-ftth first`);
  throw new TmfError(
    'CONFLICT',
    `no demo customer has an active product to ${target === undefined ? 'cease' : `change to ${target}`}: ${products.map(why).join('; ')}. ` +
      `Wait until an open order is done, run gpon-ftth first, or name the productId${target === undefined ? '' : ' and another offeringId'}`,
  );
}

// Why a change does not apply to a product, if it does not: an order open on it, or (a modify) the
// product is on the target offering already.
function whyNotChangeable(product: Doc, busy: ReadonlyMap<string, string>, target: string | undefined): string | undefined {
  const order = busy.get(String(product.id));
  if (order) return `product ${String(product.id)} has ${order}`;
  return (product.productOffering as Doc | undefined)?.id === target ? `product ${String(product.id)} is ${target} already` : undefined;
}

// One change at a time: a product with an order still open on it (held for a visit, say), or a change
// journey started on it that has not placed its order yet, is not changed again. Each such product's
// id, to what holds it in words.
const OPEN_ORDER_STATES = ['acknowledged', 'inProgress', 'pending', 'held', 'assessingCancellation', 'pendingCancellation'];
async function productsWithOpenOrders(tx: Store): Promise<Map<string, string>> {
  const open = await tx.listResources({ api: 'TMF622', resource: 'productOrder', states: OPEN_ORDER_STATES });
  const busy = new Map<string, string>();
  for (const run of await tx.listRuns({ statuses: [RunStatus.running, RunStatus.held] })) {
    const productId = run.context.productId;
    if (typeof productId === 'string' && run.context.productOrderId === undefined) busy.set(productId, `journey ${run.id} (${run.scenario}) starting`);
  }
  for (const { doc: order } of open) {
    for (const item of (order.productOrderItem as Doc[] | undefined) ?? []) {
      const productId = (item.product as Doc | undefined)?.id;
      if (productId !== undefined && !busy.has(String(productId))) busy.set(String(productId), `order ${String(order.id)} ${String(order.state)}`);
    }
  }
  return busy;
}

function ownedBy(product: Doc, customerId: string): boolean {
  return ((product.relatedParty as Doc[] | undefined) ?? []).some((p) => p.id === customerId && p.role === 'customer');
}

