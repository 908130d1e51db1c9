/**
 * How a typed API request travels (src/api/api-request-line.ts) and what the register's client
 * sends for it: path parameters in the path, encoded; the rest in the query or the body.
 */
import { describe, expect, it } from 'vitest';
import { apiRequestLine, apiRequestProblem } from '../../../src/api';
import { createServerApi } from '../../../renderer/platform/server-api';

describe('an API request on the wire', () => {
  it('puts a hold id in the path, encoded, and sends no copy of it in the body', () => {
    expect(apiRequestLine('loyalty/confirm', { id: 'hold/1 a' })).toEqual({
      method: 'POST',
      path: '/loyalty/holds/hold%2F1%20a/confirm',
      body: {},
    });
  });

  it('sends a look-up as a query and leaves out what was not given', () => {
    expect(apiRequestLine('customers/find', { phone: '+84 901' })).toEqual({
      method: 'GET',
      path: '/customers?phone=%2B84%20901',
      body: undefined,
    });
    expect(apiRequestLine('checkins/list', {}).path).toBe('/checkins');
  });

  it('sends a catalog import as the list itself', () => {
    expect(apiRequestLine('admin/import-catalog', []).body).toEqual([]);
  });

  it('posts a return claim below the API root once', async () => {
    const urls: string[] = [];
    const api = createServerApi(
      { apiUrl: 'http://server/api/v1', deviceId: 'dev_1', deviceSecret: 's' },
      (url) => {
        urls.push(url);
        return Promise.resolve(new Response('{}', { status: 201 }));
      },
    );
    await api.call('returns/claim', {
      returnId: 'ret_1',
      original: 'sale_1',
      lines: [{ originalLineId: 'l1', quantity: 1 }],
    });
    expect(urls).toEqual(['http://server/api/v1/returns/claims']);
  });
});

describe('the door check', () => {
  it('names the field and says what to send', () => {
    expect(apiRequestProblem('stored-value/hold', { number: 'ret_1', amount: 0 })).toEqual({
      field: 'amount',
      reason: 'amount must be the amount in minor units, a whole number greater than zero.',
    });
    expect(apiRequestProblem('admin/import-catalog', {})).toMatchObject({
      reason: expect.stringContaining('JSON array') as string,
    });
  });

  it('takes a well-formed request', () => {
    expect(
      apiRequestProblem('loyalty/hold', { customerId: 'c', points: 5, idempotencyKey: 'k' }),
    ).toBeNull();
  });
});
