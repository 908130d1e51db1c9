/**
 * The local e-invoice provider on its own, to try the queue without a provider account:
 *
 *   node_modules/.bin/tsx sync-server/einvoice/local-provider-cli.ts [--port 7091] [--token T] [--fail-next N]
 *
 * then point the e-invoice configuration's provider at it (`"name": "local"`, the printed URL;
 * docs/INVOICES.md). Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { startLocalEInvoiceProvider } from './local-provider';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    token: { type: 'string' },
    'fail-next': { type: 'string' },
  },
  strict: true,
});
const port = Number(values.port ?? 7091);
const failNext = Number(values['fail-next'] ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(failNext)) {
  console.error('Usage: local-provider-cli.ts [--port 0-65535] [--token T] [--fail-next N]');
  process.exit(2);
}
const provider = await startLocalEInvoiceProvider({
  port,
  failNext,
  ...(values.token ? { token: values.token } : {}),
});
console.log(`omnitill local e-invoice provider: batches to ${provider.invoicesUrl}`);
process.on('SIGINT', () => void provider.stop().then(() => process.exit(0)));
process.on('SIGTERM', () => void provider.stop().then(() => process.exit(0)));
