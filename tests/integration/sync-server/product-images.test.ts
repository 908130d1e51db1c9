/**
 * Product images against the real sync-server (docs/DATA.md "Product images"): an admin uploads
 * and removes them, a register reads the manifest and the bytes. And the attacker's view: only
 * PNG, JPEG or WebP by their bytes (never SVG), a 512 KB cap answered 413, SKUs not in the
 * catalog or shaped like paths refused, a register cannot upload, and the image is served with a
 * fixed Content-Type and nosniff. Runs the same on CouchDB (OMNITILL_TEST_COUCHDB_URL).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoProducts } from '../../../src/demo/demo-data';
import { MAX_PRODUCT_IMAGE_BYTES } from '../../../src/product-images';
import { demoTilePng } from '../../../sync-server/services/demo-images';
import { REPO_ROOT, startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 7)]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([40, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(32, 1),
]);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  'utf8',
);

describe('product images on the sync-server', () => {
  let server: SyncServerProcess;
  let register: EnrolledDevice;
  const products = generateDemoProducts(3, 1, new Date().toISOString());
  const [first, second, third] = products.map((product) => product.sku) as [string, string, string];

  const upload = (sku: string, body: Uint8Array, auth = server.adminAuth, type = 'image/png') =>
    fetch(`${server.url}/api/v1/admin/product-images/${sku}`, {
      method: 'PUT',
      headers: { Authorization: auth, 'Content-Type': type },
      body: new Blob([new Uint8Array(body)]),
    });
  const manifest = async (auth = register.auth) => {
    const response = await fetch(`${server.url}/api/v1/product-images`, {
      headers: { Authorization: auth },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { images: { sku: string; hash: string }[] }).images;
  };
  const image = (sku: string, auth = register.auth) =>
    fetch(`${server.url}/api/v1/product-images/${sku}`, { headers: { Authorization: auth } });

  beforeAll(async () => {
    server = await startSyncServerProcess();
    register = await server.enrollDevice('hcm-q1', 'reg-01');
    const imported = await fetch(`${server.url}/api/v1/admin/catalog`, {
      method: 'POST',
      headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify(products),
    });
    expect(imported.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('uploads, lists and serves an image with its stored type and nosniff', async () => {
    const png = demoTilePng(first);
    const put = await upload(first, png, server.adminAuth, 'text/html');
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ sku: first, hash: sha256(png), type: 'image/png' });
    expect(await manifest()).toEqual([
      { sku: first, hash: sha256(png), type: 'image/png', bytes: png.length },
    ]);
    const got = await image(first);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
  });

  it('takes JPEG and WebP by their bytes, whatever the declared type', async () => {
    expect((await upload(second, JPEG, server.adminAuth, 'image/png')).status).toBe(200);
    expect((await image(second)).headers.get('content-type')).toBe('image/jpeg');
    expect((await upload(third, WEBP, server.adminAuth, 'image/jpeg')).status).toBe(200);
    expect((await image(third)).headers.get('content-type')).toBe('image/webp');
  });

  it('replaces an image with a new hash, and removes one', async () => {
    const before = (await manifest()).find((entry) => entry.sku === second);
    const png = demoTilePng(`${second}-new`);
    expect((await upload(second, png)).status).toBe(200);
    const after = (await manifest()).find((entry) => entry.sku === second);
    expect(after?.hash).toBe(sha256(png));
    expect(after?.hash).not.toBe(before?.hash);
    expect((await image(second)).headers.get('content-type')).toBe('image/png');

    const removed = await fetch(`${server.url}/api/v1/admin/product-images/${third}`, {
      method: 'DELETE',
      headers: { Authorization: server.adminAuth },
    });
    expect(removed.status).toBe(200);
    expect((await manifest()).map((entry) => entry.sku)).toEqual([first, second].sort());
    expect((await image(third)).status).toBe(404);
  });

  it('keeps a picture two SKUs share while one of them changes or loses it, even at once', async () => {
    const shared = demoTilePng('shared-picture');
    expect((await upload(first, shared)).status).toBe(200);
    expect((await upload(third, shared)).status).toBe(200);
    // The first SKU's picture replaced while the third's is removed, at the same moment.
    const [replaced, removed] = await Promise.all([
      upload(first, demoTilePng(`${first}-own`)),
      fetch(`${server.url}/api/v1/admin/product-images/${third}`, {
        method: 'DELETE',
        headers: { Authorization: server.adminAuth },
      }),
    ]);
    expect([replaced.status, removed.status]).toEqual([200, 200]);
    expect((await upload(third, shared)).status).toBe(200);
    expect((await upload(first, demoTilePng(`${first}-again`))).status).toBe(200);
    const got = await image(third);
    expect(got.status).toBe(200);
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(shared));
    const removedAgain = await fetch(`${server.url}/api/v1/admin/product-images/${third}`, {
      method: 'DELETE',
      headers: { Authorization: server.adminAuth },
    });
    expect(removedAgain.status).toBe(200);
  });

  it('answers uploads of one SKU at the same moment with 200 or 409, never a broken image', async () => {
    const tiles = [1, 2, 3, 4, 5].map((n) => demoTilePng(`${first}-race-${n}`));
    const statuses = await Promise.all(
      tiles.map(async (tile) => (await upload(first, tile)).status),
    );
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    expect(statuses).toContain(200);
    const listed = (await manifest()).find((entry) => entry.sku === first);
    const got = await image(first);
    expect(got.status).toBe(200);
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(listed?.hash);
  });

  it('refuses SVG, HTML and other bytes that are not PNG, JPEG or WebP', async () => {
    for (const body of [SVG, Buffer.from('<html><script>x</script>'), Buffer.from('GIF89a....')]) {
      const response = await upload(first, body, server.adminAuth, 'image/png');
      expect(response.status).toBe(415);
      expect(((await response.json()) as { reason: string }).reason).toMatch(/PNG, JPEG and WebP/);
    }
    const empty = await upload(first, new Uint8Array(0));
    expect(empty.status).toBe(400);
  });

  it(`refuses an image over ${MAX_PRODUCT_IMAGE_BYTES / 1024} KB with 413 and says what to do`, async () => {
    const png = demoTilePng(first);
    const big = Buffer.concat([png, Buffer.alloc(MAX_PRODUCT_IMAGE_BYTES + 1 - png.length)]);
    const response = await upload(first, big);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { reason: string }).reason).toMatch(/512 KB.*smaller/);
  });

  it('refuses a SKU that is not in the catalog, or shaped like a path', async () => {
    const unknown = await upload('NOT-IN-CATALOG', demoTilePng('x'));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { reason: string }).reason).toMatch(/import the product/);
    for (const sku of ['..', '..%2F..%2Fadmin-token', 'a.b', '%2e%2e', 'a%5Cb', 'a%20b']) {
      const response = await upload(sku, demoTilePng('x'));
      expect([400, 404]).toContain(response.status);
      const read = await image(sku);
      expect([400, 404]).toContain(read.status);
    }
    // Reaching the route, the SKU rule itself answers (a URL may have folded the others).
    for (const sku of ['a.b', 'a%5Cb', 'a%20b', '..%2F..%2Fadmin-token']) {
      const response = await upload(sku, demoTilePng('x'));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { reason: string }).reason).toMatch(/letters, digits/);
    }
    expect((await manifest()).map((entry) => entry.sku)).toEqual([first, second].sort());
  });

  it('lets a register read but never upload or remove', async () => {
    const put = await upload(first, demoTilePng('from a register'), register.auth);
    expect(put.status).toBe(403);
    const removed = await fetch(`${server.url}/api/v1/admin/product-images/${first}`, {
      method: 'DELETE',
      headers: { Authorization: register.auth },
    });
    expect(removed.status).toBe(403);
    expect((await image(first)).status).toBe(200);
    const anonymous = await fetch(`${server.url}/api/v1/product-images`);
    expect(anonymous.status).toBe(401);
    for (const db of ['omnitill-product-images', 'omnitill-product-image-bytes']) {
      const replica = await fetch(`${server.url}/db/${db}/_all_docs`, {
        headers: { Authorization: register.auth },
      });
      expect(replica.status).toBe(404);
    }
  });

  it('uploads and removes with the admin command, refusing a file that is not an image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omnitill-image-'));
    const png = join(dir, 'tile.png');
    const svg = join(dir, 'tile.svg');
    writeFileSync(png, demoTilePng('from the command'));
    writeFileSync(svg, SVG);
    const admin = (...args: string[]) =>
      promisify(execFile)(
        join(REPO_ROOT, 'node_modules/.bin/tsx'),
        [join(REPO_ROOT, 'sync-server/admin-cli.ts'), ...args, '--server', server.url],
        { env: { ...process.env, OMNITILL_ADMIN_TOKEN: server.adminToken } },
      );
    try {
      const { stdout } = await admin('product-image', third, png);
      expect(stdout).toContain(`${third}: image/png`);
      expect((await manifest()).map((entry) => entry.sku)).toContain(third);
      await expect(admin('product-image', third, svg)).rejects.toThrow(/not a PNG, JPEG or WebP/);
      expect((await admin('remove-product-image', third)).stdout).toContain('image removed');
      expect((await manifest()).map((entry) => entry.sku)).not.toContain(third);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
