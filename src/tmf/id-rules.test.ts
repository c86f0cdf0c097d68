import { describe, expect, it } from 'vitest';
import { servicePrefix } from './id-rules.js';

describe('servicePrefix', () => {
  it.each([
    [{ category: 'CFS', serviceCharacteristic: [{ name: 'accessTechnology', value: 'GPON' }] }, 'svc-cfs-gpon'],
    [{ '@type': 'ResourceFacingService', serviceCharacteristic: [{ name: 'accessTechnology', value: 'XGSPON' }] }, 'svc-rfs-xgspon'],
    [{ category: 'ResourceFacingService' }, 'svc-rfs'],
    [{ serviceCharacteristic: [{ name: 'accessTechnology', value: '../x' }] }, 'svc-cfs'],
  ])('names %j %s', (service, prefix) => {
    expect(servicePrefix(service)).toBe(prefix);
  });
});
