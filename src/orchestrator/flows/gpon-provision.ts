import { AccessTechnologies, decompose, OfferingIds } from '../../catalog/index.js';
import { notOnSaleText, whyNotOnSale } from '../../catalog/on-sale.js';
import { Technologies, type Technology } from '../../network/optical-budget.js';
import type { Doc, Store } from '../../store/port.js';
import { TmfError } from '../../tmf/errors.js';
import type { TmfContext } from '../../tmf/resource-service.js';
import type { Flow } from '../flow.js';
import { pointOfNoReturn } from '../policies/matrix.js';
import { activateResources } from '../steps/activate-resources.js';
import { activateProduct } from '../steps/activate-product.js';
import { activateServices } from '../steps/activate-services.js';
import { assignResources } from '../steps/assign-resources.js';
import { bookAppointment } from '../steps/book-appointment.js';
import { checkoutCart } from '../steps/checkout-cart.js';
import { completeFieldWork } from '../steps/complete-field-work.js';
import { completeProductOrder } from '../steps/complete-product-order.js';
import { completeResourceOrder } from '../steps/complete-resource-order.js';
import { completeServiceOrder } from '../steps/complete-service-order.js';
import { createProduct } from '../steps/create-product.js';
import { designServices } from '../steps/design-services.js';
import { dispatchTechnician } from '../steps/dispatch-technician.js';
import { orderResources } from '../steps/order-resources.js';
import { orderServices } from '../steps/order-services.js';
import { placeProductOrder } from '../steps/place-product-order.js';
import { qualifyOffering } from '../steps/qualify-offering.js';
import { qualifyService } from '../steps/qualify-service.js';
import { characteristic } from '../steps/refs.js';
import { recordFirstUsage } from '../steps/record-first-usage.js';
import { reserveResources } from '../steps/reserve-resources.js';
import { startProductOrder } from '../steps/start-product-order.js';
import { startServiceOrder } from '../steps/start-service-order.js';
import { validateAddress } from '../steps/validate-address.js';
import { customerWithFreePremises } from './free-premises.js';

/**
 * Who orders what when the caller names nobody: the first of the demo's residential customers whose
 * premises is free (Jane Smith, the brief's customer, first; see free-premises.ts), the brief's offering.
 * A caller naming only the address orders for the first of them.
 */
export const gponProvisionDefaults = {
  customerIds: ['cust-56789', 'cust-56794', 'cust-56795', 'cust-56796'],
  offeringId: OfferingIds.gponResidential,
} as const;

// The catalog spells technologies for ids (XGSPON); the network model uses the ITU names (XGS-PON).
const networkTechnology: Partial<Record<string, Technology>> = {
  [AccessTechnologies.GPON]: Technologies.gpon,
  [AccessTechnologies.XGSPON]: Technologies.xgsPon,
};

/** The network technology that delivers a catalog access technology, if the simulated network has it. */
export function networkTechnologyOf(catalogTechnology: string): Technology | undefined {
  return networkTechnology[catalogTechnology];
}

/**
 * A new fibre broadband provision, cart to first usage record: the provisioning spine end to end,
 * each step one actor calling another's TMF API.
 */
export const gponProvision: Flow = {
  scenario: 'gpon-ftth',
  title: 'New provision — GPON FTTH',
  description: 'Cart checkout, address validation, commercial and technical qualification, installation visit, product order, decomposition into service and resource orders, AAR, activation, inventories and first usage.',
  parameters: ['customerId', 'addressId', 'offeringId'],
  prepare: prepareGponProvision,
  pointOfNoReturn,
  steps: [
    checkoutCart,
    validateAddress,
    qualifyOffering,
    qualifyService,
    bookAppointment,
    placeProductOrder,
    startProductOrder,
    createProduct,
    orderServices,
    startServiceOrder,
    designServices,
    orderResources,
    reserveResources,
    assignResources,
    dispatchTechnician,
    completeFieldWork,
    activateResources,
    completeResourceOrder,
    activateServices,
    completeServiceOrder,
    activateProduct,
    completeProductOrder,
    recordFirstUsage,
  ],
};

/** Checks what the caller named (customer, address, offering) before anything is written; 404/400 otherwise. */
async function prepareGponProvision(input: Doc, tx: Store, tmf: TmfContext): Promise<Doc> {
  const customerId = input.customerId !== undefined ? String(input.customerId)
    : input.addressId !== undefined ? gponProvisionDefaults.customerIds[0]
    : await customerWithFreePremises(tx, gponProvisionDefaults.customerIds);
  const offeringId = String(input.offeringId ?? gponProvisionDefaults.offeringId);
  const customer = await mustExist(tx, 'TMF629', 'customer', customerId);
  const addressId = String(input.addressId ?? characteristic(customer.characteristic, 'serviceAddress') ?? '');
  await mustExist(tx, 'TMF673', 'geographicAddress', addressId);
  const offering = await mustExist(tx, 'TMF620', 'productOffering', offeringId);
  const priceRef = (offering.productOfferingPrice as Doc[] | undefined)?.[0];
  // TMF663 prices the cart from these at checkout; checked here so that a journey whose cart could
  // not be priced writes nothing.
  if (!priceRef) throw new TmfError('INVALID_BODY', `offering ${offeringId} has no productOfferingPrice: the channel has nothing to price the cart with`);
  // The cart refuses it (409) at checkout: refused here, a journey that could not check out writes nothing.
  const notOnSale = whyNotOnSale(offering);
  if (notOnSale) throw new TmfError('CONFLICT', `offering ${offeringId} is ${notOnSaleText(offering, notOnSale)}; the channel could not check it out`);
  await mustExist(tx, 'TMF620', 'productOfferingPrice', String(priceRef.id));
  const tree = decompose(tmf, offering);
  const catalogTechnology = String(tree.productSpecification.characteristics.find((c) => c.name === 'accessTechnology')?.value);
  const technology = networkTechnologyOf(catalogTechnology);
  if (!technology) throw new TmfError('INVALID_BODY', `offering ${offeringId} uses ${catalogTechnology}, which the simulated network does not deliver`);
  const account = (customer.account as Doc[] | undefined)?.find((a) => a['@referredType'] === 'BillingAccount');
  return {
    customerId,
    customerName: customer.name,
    addressId,
    offeringId,
    offeringName: offering.name,
    productSpecId: tree.productSpecification.id,
    accessServiceSpecId: tree.services[0]?.spec.id,
    billingAccountId: account?.id,
    catalogTechnology,
    networkTechnology: technology,
  };
}

async function mustExist(tx: Store, api: string, resource: string, id: string): Promise<Doc> {
  const record = await tx.getResource(api, resource, id);
  if (!record) throw new TmfError('NOT_FOUND', `${resource} ${id} does not exist`);
  return record.doc;
}
