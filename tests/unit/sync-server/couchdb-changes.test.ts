/**
 * The CouchDB store's changes call (no CouchDB runs here): the `_changes` request it makes and
 * how it reads the reply, so the server index sees the same rows as on the embedded store.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CouchDocumentStore } from '../../../sync-server/storage/couchdb-document-store';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('changes since a checkpoint on CouchDB', () => {
  it('asks _changes with the bodies from the opaque sequence and leaves design documents out', async () => {
    const requests: { url: string; authorization: string | undefined }[] = [];
    vi.stubGlobal('fetch', (url: string, init: { headers: Record<string, string> }) => {
      requests.push({ url, authorization: init.headers.Authorization });
      return Promise.resolve(
        new Response(
          JSON.stringify({
            results: [
              { id: 'sale_1', seq: '7-g1AAAA', changes: [], doc: { _id: 'sale_1', _rev: '1-a' } },
              { id: '_design/x', seq: '8-g1AAAB', changes: [], doc: { _id: '_design/x' } },
              {
                id: 'sale_2',
                seq: '9-g1AAAC',
                changes: [],
                deleted: true,
                doc: { _id: 'sale_2', _rev: '2-b', _deleted: true },
              },
            ],
            last_seq: '9-g1AAAC',
          }),
          { status: 200 },
        ),
      );
    });
    const store = new CouchDocumentStore('http://admin:secret@couch.local:5984/');
    const page = await store.changesSince('sales-hcm-q1', '5-g1AAZZ', 500);
    expect(requests).toEqual([
      {
        url: 'http://couch.local:5984/sales-hcm-q1/_changes?include_docs=true&limit=500&since=5-g1AAZZ',
        authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}`,
      },
    ]);
    expect(page).toEqual({
      results: [
        { id: 'sale_1', seq: '7-g1AAAA', deleted: false, doc: { _id: 'sale_1', _rev: '1-a' } },
        { id: 'sale_2', seq: '9-g1AAAC', deleted: true },
      ],
      lastSeq: '9-g1AAAC',
      more: false,
    });
  });
});
