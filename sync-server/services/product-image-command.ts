/**
 * `npm run admin -- product-image SKU FILE` and `npm run admin -- remove-product-image SKU`:
 * upload or remove a product's picture on a running sync-server (docs/DATA.md "Product
 * images"). The file is checked here first (type by its bytes, size) so a wrong one is named
 * before it travels; the server checks again, and decides.
 */
import { readFileSync } from 'node:fs';
import { imageTypeOf, isImageSku, MAX_PRODUCT_IMAGE_BYTES } from '../../src/product-images';

export const PRODUCT_IMAGE_USAGE = 'product-image SKU FILE.png|.jpg|.webp';
export const REMOVE_PRODUCT_IMAGE_USAGE = 'remove-product-image SKU';

const basic = (token: string) => 'Basic ' + Buffer.from(`admin:${token}`).toString('base64');

async function send(
  server: string,
  token: string,
  method: 'PUT' | 'DELETE',
  sku: string,
  body?: Buffer,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${server}/api/v1/admin/product-images/${encodeURIComponent(sku)}`, {
    method,
    headers: { Authorization: basic(token), 'Content-Type': 'application/octet-stream' },
    ...(body ? { body: new Blob([new Uint8Array(body)]) } : {}),
  }).catch((error: unknown) => {
    throw new Error(
      `cannot reach ${server} (${(error as Error).message}); start it with npm run sync-server or pass --server.`,
    );
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new Error(`${response.status} ${String(json.error)}: ${String(json.reason)}`);
  }
  return json;
}

function checkedSku(sku: string | undefined, usage: string): string {
  if (!sku) throw new Error(`needs the SKU: ${usage}`);
  if (!isImageSku(sku)) {
    throw new Error(`"${sku}" is not a SKU: letters, digits, "-" and "_" only (1 to 64).`);
  }
  return sku;
}

/** Uploads the file as the SKU's picture; resolves to the line to print. */
export async function uploadProductImage(
  server: string,
  token: string,
  sku: string | undefined,
  file: string | undefined,
): Promise<string> {
  const checked = checkedSku(sku, PRODUCT_IMAGE_USAGE);
  if (!file) throw new Error(`needs the image file: ${PRODUCT_IMAGE_USAGE}`);
  const bytes = readFileSync(file);
  if (bytes.length > MAX_PRODUCT_IMAGE_BYTES) {
    throw new Error(
      `${file} is ${Math.ceil(bytes.length / 1024)} KB; the limit is ${MAX_PRODUCT_IMAGE_BYTES / 1024} KB. Make it smaller (400×400 pixels is plenty).`,
    );
  }
  if (!imageTypeOf(bytes)) {
    throw new Error(`${file} is not a PNG, JPEG or WebP image; convert it first.`);
  }
  const reply = await send(server, token, 'PUT', checked, bytes);
  return `${checked}: ${String(reply.type)}, ${String(reply.bytes)} bytes, hash ${String(reply.hash)}`;
}

export async function removeProductImage(
  server: string,
  token: string,
  sku: string | undefined,
): Promise<string> {
  const checked = checkedSku(sku, REMOVE_PRODUCT_IMAGE_USAGE);
  await send(server, token, 'DELETE', checked);
  return `${checked}: image removed`;
}
