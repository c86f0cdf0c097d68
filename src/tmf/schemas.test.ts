import { describe, expect, it } from 'vitest';
import { sampleOf } from '../../test/support/sample-body.js';
import { apis } from './registry.js';
import { createSchemaValidator, describeIssues } from './schemas.js';

const validator = createSchemaValidator();

const productOrder = () => ({
  externalId: 'shop-2026-00789',
  requestedStartDate: '2026-11-26T10:00:00.000Z',
  relatedParty: [{ id: 'cust-56789', role: 'customer', '@referredType': 'Customer' }],
  productOrderItem: [
    {
      id: '1',
      action: 'add',
      quantity: 1,
      productOffering: { id: 'po-gpon-1g', href: '/tmf-api/productCatalogManagement/v4/productOffering/po-gpon-1g' },
      product: {
        productCharacteristic: [{ name: 'downloadSpeed', value: '1 Gbps' }],
        place: [{ id: 'addr-1', role: 'installationAddress' }],
      },
    },
  ],
  '@type': 'ProductOrder',
});

describe('schema validation against the official v4 specs', () => {
  it('reads the attributes a _Create or _Update definition leaves out from its description', () => {
    expect(validator.skippedProperties('TMF622', 'ProductOrder_Update')).toEqual(['id', 'href', 'orderDate']);
    expect(validator.skippedProperties('TMF663', 'ShoppingCart_Update')).toEqual(['id', 'href', 'validFor', 'cartTotalPrice']);
    expect(validator.skippedProperties('TMF622', 'ProductOrder_Create')).toContain('state');
    expect(() => validator.skippedProperties('TMF622', 'NoSuch_Update')).toThrow(/no definition/);
  });

  it('accepts a valid ProductOrder_Create', () => {
    expect(validator.validate('TMF622', 'ProductOrder_Create', productOrder())).toEqual([]);
  });

  it('names a wrong-typed field by its path', () => {
    const body = productOrder();
    Object.assign(body.productOrderItem[0], { quantity: 'two' });
    expect(validator.validate('TMF622', 'ProductOrder_Create', body)).toEqual([
      { field: 'productOrderItem[0].quantity', message: 'must be integer' },
    ]);
  });

  it('lists the allowed values of a bad enum', () => {
    const body = productOrder();
    body.productOrderItem[0].action = 'install';
    const issues = validator.validate('TMF622', 'ProductOrder_Create', body);
    expect(describeIssues(issues)).toBe('productOrderItem[0].action must be equal to one of: add, modify, delete, noChange');
  });

  it('names a missing required property by its own path', () => {
    const { productOrderItem, ...withoutItems } = productOrder();
    expect(validator.validate('TMF622', 'ProductOrder_Create', withoutItems)).toEqual([
      { field: 'productOrderItem', message: 'is required' },
    ]);
    const { action: _action, ...withoutAction } = productOrderItem[0];
    expect(validator.validate('TMF622', 'ProductOrder_Create', { productOrderItem: [withoutAction] })).toEqual([
      { field: 'productOrderItem[0].action', message: 'is required' },
    ]);
  });

  it('reports a body that is not an object at (root)', () => {
    expect(validator.validate('TMF622', 'ProductOrder_Create', [])).toEqual([{ field: '(root)', message: 'must be object' }]);
  });

  it('reports every issue once and keeps long descriptions short', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ id: String(i), action: 'install' }));
    const issues = validator.validate('TMF622', 'ProductOrder_Create', { productOrderItem: items });
    expect(issues).toHaveLength(12);
    expect(describeIssues(issues)).toMatch(/^productOrderItem\[0\]\.action must be equal to one of: .*; and 2 more$/);
  });

  it('validates a ServiceOrder as the server returns it', () => {
    const serviceOrder = {
      id: 'so-2026-00789',
      href: 'http://localhost:8638/tmf-api/serviceOrdering/v4/serviceOrder/so-2026-00789',
      state: 'acknowledged',
      orderDate: '2026-11-26T10:00:01.000Z',
      externalId: 'po-ord-2026-00789',
      orderRelationship: [{ id: 'po-ord-2026-00789', relationshipType: 'cross-ref', '@referredType': 'ProductOrder' }],
      relatedParty: [{ id: 'cust-56789', role: 'customer', '@type': 'RelatedParty', '@referredType': 'Customer' }],
      serviceOrderItem: [
        {
          id: '1',
          action: 'add',
          state: 'acknowledged',
          service: {
            name: 'GPON FTTH access',
            state: 'reserved',
            serviceSpecification: { id: 'cfs-gpon-ftth', name: 'GPON FTTH CFS' },
            serviceCharacteristic: [{ name: 'downstreamRate', value: 1000 }],
          },
        },
      ],
      '@type': 'ServiceOrder',
    };
    expect(validator.validate('TMF641', 'ServiceOrder', serviceOrder)).toEqual([]);
    expect(validator.validate('TMF641', 'ServiceOrder', { ...serviceOrder, state: 'done' })).toEqual([
      {
        field: 'state',
        message:
          'must be equal to one of: acknowledged, rejected, pending, held, inProgress, cancelled, completed, failed, partial, assessingCancellation, pendingCancellation',
      },
    ]);
  });

  it('refuses an unknown API or definition instead of passing everything', () => {
    expect(() => validator.validate('TMF999', 'ProductOrder', {})).toThrow(/TMF999/);
    expect(() => validator.validate('TMF622', 'NoSuchThing', {})).toThrow(/NoSuchThing/);
  });
});

describe('load-time fixes of the published specs', () => {
  it('does not require the server-assigned id and href in TMF639 Resource_Create', () => {
    expect(validator.validate('TMF639', 'Resource_Create', { name: 'ont-1' })).toEqual([]);
    expect(validator.validate('TMF639', 'Resource_Create', {})).toEqual([{ field: 'name', message: 'is required' }]);
  });

  it('accepts partial merge-patch bodies against *_Update', () => {
    expect(validator.validate('TMF622', 'ProductOrder_Update', { description: 'rush' })).toEqual([]);
    expect(validator.validate('TMF629', 'Customer_Update', { name: 'Jane' })).toEqual([]);
    expect(validator.validate('TMF639', 'Resource_Update', { usageState: 'busy' })).toEqual([]);
    expect(validator.validate('TMF622', 'ProductOrder_Update', { priority: 7 })).toEqual([
      { field: 'priority', message: 'must be string' },
    ]);
  });

  it('identifies a TMF641 ServiceOrderItemRef by itemId, the property it declares', () => {
    const item = (orderItem: object) => ({
      id: '2',
      action: 'add',
      service: {},
      serviceOrderItemRelationship: [{ relationshipType: 'dependency', orderItem }],
    });
    expect(validator.validate('TMF641', 'ServiceOrder_Create', { serviceOrderItem: [item({ itemId: '1' })] })).toEqual([]);
    expect(validator.validate('TMF641', 'ServiceOrder_Create', { serviceOrderItem: [item({})] })).toEqual([
      { field: 'serviceOrderItem[0].serviceOrderItemRelationship[0].orderItem.itemId', message: 'is required' },
    ]);
  });

  it('accepts ProductStatusType aborted with and without the published trailing space', () => {
    for (const status of ['aborted', 'aborted ', 'active']) {
      expect(validator.validate('TMF637', 'Product_Create', { status }), status).toEqual([]);
    }
    expect(validator.validate('TMF637', 'Product_Create', { status: 'gone' })[0]?.field).toBe('status');
  });

  it('accepts relative hrefs and ignores formats ajv does not know', () => {
    const attachment = { href: '/tmf-api/documents/1', content: 'aGVsbG8=', mimeType: 'text/plain' };
    expect(validator.validate('TMF620', 'Attachment', attachment)).toEqual([]);
    expect(validator.validate('TMF620', 'Attachment', { ...attachment, href: 'not a uri' })).toEqual([
      { field: 'href', message: 'must match format "uri"' },
    ]);
  });
});

describe.each(apis.map((api) => [api.id, api] as const))('%s create schemas', (_id, api) => {
  it('compile and accept the smallest valid example', () => {
    for (const resource of api.resources.filter((r) => r.createSchema)) {
      const issues = validator.validate(api.id, resource.createSchema!, sampleOf(api.specFile, resource.createSchema!));
      expect(issues, `${resource.createSchema}: ${describeIssues(issues)}`).toEqual([]);
    }
  });
});
