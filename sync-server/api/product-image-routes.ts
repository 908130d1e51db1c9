/**
 * Product images (docs/DATA.md "Product images", docs/API.md): registers read the manifest and
 * the images; an administrator uploads and removes them. The bodies are images, not JSON, so
 * these routes sit beside the JSON contract of /api/v1 (mounted by server.ts), like /r.
 *
 *   GET    /api/v1/product-images            device or admin: [{ sku, hash, type, bytes }]
 *   GET    /api/v1/product-images/:sku       device or admin: the image's bytes
 *   PUT    /api/v1/admin/product-images/:sku admin: the body is the PNG, JPEG or WebP file
 *   DELETE /api/v1/admin/product-images/:sku admin
 */
import type { IncomingMessage } from 'node:http';
import { Router } from 'express';
import { imageTypeOf, isImageSku, MAX_PRODUCT_IMAGE_BYTES } from '../../src/product-images';
import { ApiError, badRequest, notFound, sendJson } from '../http/api-error';
import type { ProductImages } from '../storage/product-images';
import type { ServerContext } from '../server-context';
import { asyncRoute } from './async-route';

const MAX_KB = MAX_PRODUCT_IMAGE_BYTES / 1024;

function tooLarge(): ApiError {
  return new ApiError(
    413,
    'too_large',
    `The image is larger than ${MAX_KB} KB; make it smaller (a product thumbnail needs no more than 400×400 pixels) and upload it again.`,
  );
}

/** The whole body, refused with 413 as soon as it passes the cap (declared or streamed). */
async function readImageBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_PRODUCT_IMAGE_BYTES) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PRODUCT_IMAGE_BYTES) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function skuOf(raw: string | undefined): string {
  const sku = raw ?? '';
  if (!isImageSku(sku)) {
    throw badRequest(
      'The SKU may hold only letters, digits, "-" and "_" (1 to 64 characters); use the product\'s SKU as the catalog has it.',
      { field: 'sku' },
    );
  }
  return sku;
}

export function productImageRoutes(context: ServerContext, images: ProductImages): Router {
  const router = Router();
  const readers = context.auth.require('device', 'admin');
  const admin = context.auth.require('admin');

  router.get(
    '/product-images',
    readers,
    asyncRoute(async (_req, res) => {
      sendJson(res, 200, { images: await images.manifest() });
    }),
  );

  router.get(
    '/product-images/:sku',
    readers,
    asyncRoute(async (req, res) => {
      const sku = skuOf(req.params.sku);
      const image = await images.read(sku);
      if (!image) throw notFound(`Product ${sku} has no image.`);
      res.status(200);
      // The stored type, checked by magic bytes on upload: never sniffed, never run.
      res.setHeader('Content-Type', image.entry.type);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Content-Disposition', 'inline');
      res.setHeader('Cache-Control', 'private, no-cache');
      res.setHeader('ETag', `"${image.entry.hash}"`);
      res.setHeader('Content-Length', String(image.bytes.length));
      res.end(image.bytes);
    }),
  );

  router.put(
    '/admin/product-images/:sku',
    admin,
    asyncRoute(async (req, res) => {
      const sku = skuOf(req.params.sku);
      const bytes = await readImageBody(req);
      if (bytes.length === 0) {
        throw badRequest('The body is empty; send the image file itself as the request body.');
      }
      const type = imageTypeOf(bytes);
      if (!type) {
        throw new ApiError(
          415,
          'unsupported_image',
          'Only PNG, JPEG and WebP images are accepted (checked by their content, not their name); convert the file and upload it again.',
        );
      }
      const product = (await context.store.getCurrent('products', [`prod_${sku}`])).get(
        `prod_${sku}`,
      );
      if (!product || product._deleted) {
        throw notFound(
          `No product with SKU ${sku} is in the catalog; import the product first, then its image.`,
        );
      }
      const entry = await images.put(sku, type, bytes);
      sendJson(res, 200, { ok: true, ...entry });
    }),
  );

  router.delete(
    '/admin/product-images/:sku',
    admin,
    asyncRoute(async (req, res) => {
      const sku = skuOf(req.params.sku);
      if (!(await images.remove(sku))) throw notFound(`Product ${sku} has no image to remove.`);
      sendJson(res, 200, { ok: true, sku });
    }),
  );
  return router;
}
