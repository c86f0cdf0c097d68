import { describe, expect, it } from 'vitest';
import { TmfError } from './errors.js';

describe('TmfError', () => {
  it('renders the TMF630 error body with a string status', () => {
    const error = new TmfError('NOT_FOUND', 'productOrder 42 does not exist');
    expect(error.status).toBe(404);
    expect(error.toBody()).toEqual({
      code: 'SPN-404-NOT-FOUND',
      reason: 'Resource not found',
      message: 'productOrder 42 does not exist',
      status: '404',
      '@type': 'Error',
    });
  });
});
