/**
 * `npm run admin -- <command>`: administration of a running sync-server over its API.
 *   enroll-device --store S --name N     prints the new device's id and secret
 *   revoke-device ID
 *   import-catalog FILE                  CSV or JSON; prints rejected rows and why
 *   flags                                lists reconciliation flags
 *   migrate --data DIR --to URL [--prefix P]     embedded store → CouchDB (sync-server stopped)
 *   migrate --from URL [--prefix P] --data DIR   CouchDB → embedded store
 *   vietqr --bin B --account N --amount VND --ref R   prints a VietQR payload (docs/PAYMENTS.md)
 *   bank-account --store S --bin B --account N --name NAME [--bank-name BANK]   the store's
 *                                        account for transfers
 *   product-image SKU FILE               uploads a product's picture (PNG, JPEG or WebP, 512 KB)
 *   remove-product-image SKU
 * Options: --server URL (default http://127.0.0.1:7070); the admin token comes from
 * OMNITILL_ADMIN_TOKEN (migrate works on the stores themselves and needs none).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCatalog, parseCsv } from './services/catalog-import';
import type { CatalogRow } from './services/catalog-import';
import { migrate, MigrationError } from './storage/migrate';
import { BANK_ACCOUNT_USAGE, setBankAccount } from './payments/bank-account-command';
import { VIETQR_USAGE, vietQrCommandLines } from './payments/vietqr-command';
import {
  PRODUCT_IMAGE_USAGE,
  REMOVE_PRODUCT_IMAGE_USAGE,
  removeProductImage,
  uploadProductImage,
} from './services/product-image-command';

const USAGE = `Usage: npm run admin -- <command> [--server URL]
  enroll-device --store STORE --name NAME
  revoke-device DEVICE_ID
  import-catalog FILE.csv|FILE.json
  flags
  migrate --data DIR --to COUCHDB_URL [--prefix P]     copy the embedded store to a CouchDB
  migrate --from COUCHDB_URL [--prefix P] --data DIR   copy a CouchDB back to an embedded store
  ${VIETQR_USAGE}   print a VietQR payload to try
  ${BANK_ACCOUNT_USAGE}
  ${PRODUCT_IMAGE_USAGE}   a product's picture (512 KB at most)
  ${REMOVE_PRODUCT_IMAGE_USAGE}
Needs OMNITILL_ADMIN_TOKEN (printed by the sync-server on its first start), except migrate,
which reads and writes the stores directly: stop the sync-server first (docs/DEPLOYMENT.md),
and vietqr, which only computes.`;

const CHUNK = 1000;

function fail(message: string): never {
  console.error(`omnitill-admin: ${message}`);
  process.exit(1);
}

async function api(server: string, token: string, method: string, path: string, body?: unknown) {
  let response: Response;
  try {
    response = await fetch(`${server}/api/v1${path}`, {
      method,
      headers: {
        Authorization: 'Basic ' + Buffer.from(`admin:${token}`).toString('base64'),
        'Content-Type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    fail(
      `cannot reach ${server} (${(error as Error).message}); start it with npm run sync-server or pass --server.`,
    );
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) fail(`${response.status} ${String(json.error)}: ${String(json.reason)}`);
  return json;
}

function readCatalog(file: string): CatalogRow[] {
  const text = readFileSync(file, 'utf8');
  if (extname(file).toLowerCase() === '.json') {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) fail(`${file} must hold a JSON array of products.`);
    return parsed as CatalogRow[];
  }
  return parseCsv(text);
}

async function runMigration(values: {
  data?: string;
  to?: string;
  from?: string;
  prefix: string;
}): Promise<void> {
  if (!values.data || Boolean(values.to) === Boolean(values.from)) {
    fail(`migrate needs --data DIR and one of --to URL or --from URL.\n${USAGE}`);
  }
  const embedded = { kind: 'embedded', dataDir: values.data } as const;
  const couch = {
    kind: 'couchdb',
    url: values.to ?? values.from ?? '',
    prefix: values.prefix,
  } as const;
  const reports = await migrate(
    values.to ? embedded : couch,
    values.to ? couch : embedded,
    (line) => console.log(line),
  ).catch((error: unknown) => {
    if (error instanceof MigrationError) fail(error.message);
    throw error;
  });
  const documents = reports.reduce((sum, report) => sum + report.documents, 0);
  const revisions = reports.reduce((sum, report) => sum + report.revisions, 0);
  console.log(
    `Verified: ${reports.length} databases, ${documents} documents, ${revisions} revisions, the same on both sides.`,
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      server: { type: 'string', default: 'http://127.0.0.1:7070' },
      store: { type: 'string' },
      name: { type: 'string' },
      data: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      prefix: { type: 'string', default: '' },
      bin: { type: 'string' },
      account: { type: 'string' },
      amount: { type: 'string' },
      ref: { type: 'string' },
      note: { type: 'string' },
      card: { type: 'boolean' },
      'bank-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, argument] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command === 'migrate') {
    await runMigration(values);
    return;
  }
  if (command === 'vietqr') {
    for (const line of vietQrCommandLines(values)) console.log(line);
    return;
  }
  const token = process.env.OMNITILL_ADMIN_TOKEN;
  if (!token)
    fail('set OMNITILL_ADMIN_TOKEN to the admin token the sync-server printed on its first start.');
  const server = values.server.replace(/\/+$/, '');

  switch (command) {
    case 'bank-account': {
      console.log(await setBankAccount(server, token, values));
      return;
    }
    case 'product-image': {
      console.log(await uploadProductImage(server, token, argument, positionals[2]));
      return;
    }
    case 'remove-product-image': {
      console.log(await removeProductImage(server, token, argument));
      return;
    }
    case 'enroll-device': {
      if (!values.store || !values.name) fail('enroll-device needs --store STORE and --name NAME.');
      const device = await api(server, token, 'POST', '/admin/devices', {
        storeId: values.store,
        name: values.name,
      });
      console.log(`device id: ${String(device.deviceId)}`);
      console.log(`secret:    ${String(device.secret)}`);
      console.log(`store:     ${String(device.storeId)}`);
      console.log('Enter these on the register now: the secret is not shown again.');
      return;
    }
    case 'revoke-device': {
      if (!argument) fail('revoke-device needs the device id.');
      await api(server, token, 'DELETE', `/admin/devices/${encodeURIComponent(argument)}`);
      console.log(`revoked ${argument}`);
      return;
    }
    case 'import-catalog': {
      if (!argument) fail('import-catalog needs a CSV or JSON file.');
      const { products, rejected } = buildCatalog(readCatalog(argument), new Date().toISOString());
      let written = 0;
      let unchanged = 0;
      for (let start = 0; start < products.length; start += CHUNK) {
        const chunk = products.slice(start, start + CHUNK);
        const result = await api(server, token, 'POST', '/admin/catalog', chunk);
        written += Number(result.written);
        unchanged += Number(result.unchanged);
        for (const refused of result.rejected as { index: number; id: string; reason: string }[]) {
          rejected.push({
            row: 0,
            sku: chunk[refused.index]?.sku ?? refused.id,
            reason: `server: ${refused.reason}`,
          });
        }
      }
      console.log(
        `${written} products written, ${unchanged} unchanged, ${rejected.length} rejected`,
      );
      for (const row of rejected) {
        console.log(
          `  ${row.row ? `row ${row.row}` : 'server'}${row.sku ? ` (${row.sku})` : ''}: ${row.reason}`,
        );
      }
      if (rejected.length > 0) process.exitCode = 3;
      return;
    }
    case 'flags': {
      const { flags } = (await api(server, token, 'GET', '/flags')) as {
        flags: {
          _id: string;
          kind: string;
          summary: string;
          detectedAt: string;
          documents: unknown[];
        }[];
      };
      if (flags.length === 0) console.log('no flags');
      for (const flag of flags) {
        console.log(
          `${flag.detectedAt}  ${flag.kind}  ${flag.summary}  (${flag.documents.length} documents, ${flag._id})`,
        );
      }
      return;
    }
    default:
      fail(`unknown command "${command}".\n${USAGE}`);
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
