/**
 * Receipt to printer bytes: a 30-line Vietnamese sale receipt (built by src/receipt's sale
 * builder from a sale completed by src/sales), laid out on 48 columns (80 mm paper) and encoded
 * to one ESC/POS job by the printer driver's job builder (Epson command set, code page
 * CP1258), the same call EscPosPrinter makes before it writes to the transport.
 */
import { resolvePrinterSettings } from '../../main/devices/printer/printer-settings';
import { buildJobBytes } from '../../main/devices/printer/escpos-job';
import { SeededRandom } from '../../src/demo';
import { buildSaleReceipt, layoutReceipt } from '../../src/receipt';
import type { Receipt } from '../../src/receipt';
import type { BenchData } from './bench-data';
import { benchSale } from './sale-factory';
import { taxKindsById } from '../../src/tax';

export interface ReceiptBenchResult {
  /** Receipt model → layout → ESC/POS bytes, per receipt. */
  encodeMs: number[];
  /** The same with the receipt model built from the sale first. */
  buildAndEncodeMs: number[];
  bytes: number;
  lines: number;
  unmapped: number;
}

export async function runReceiptBench(
  data: BenchData,
  iterations: number,
): Promise<ReceiptBenchResult> {
  const store = data.stores[0];
  if (!store) throw new Error('No store in the bench data');
  const completed = benchSale({
    random: new SeededRandom(930),
    products: data.products,
    customers: data.customers,
    settings: store,
    parties: {
      storeId: store.storeId,
      registerId: 'reg-01',
      deviceId: 'dev_bench',
      staffId: 'staff_lan',
    },
    nowMs: Date.parse('2026-11-23T04:30:00.000Z'),
    lineCount: 30,
    customerShare: 1,
  });
  const taxKinds = taxKindsById(store.tax.rates);
  const receiptFor = (): Receipt =>
    buildSaleReceipt({
      sale: completed.sale,
      header: store.receipt.header,
      footer: store.receipt.footer,
      taxKinds,
      staffName: 'Nguyễn Thị Lan',
      customer: { name: 'Trần Thị Bích Ngọc', cardNumber: 'LC00000042' },
      pointsBalance: completed.pointsAfter,
      storeName: store.name,
      locale: 'vi-VN',
      currency: 'VND',
      now: new Date('2026-11-23T04:30:00.000Z'),
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  const settings = resolvePrinterSettings({ url: 'tcp://127.0.0.1:9100' });
  const receipt = receiptFor();
  const encodeMs: number[] = [];
  const buildAndEncodeMs: number[] = [];
  let bytes = 0;
  let lines = 0;
  let unmapped = 0;
  // A few unmeasured rounds first: the figure is the register's steady state, not JIT warm-up.
  for (let round = -10; round < iterations; round++) {
    const start = performance.now();
    const layout = layoutReceipt(receipt, settings.columns);
    const job = await buildJobBytes(layout, settings, null);
    const encoded = performance.now();
    const job2 = await buildJobBytes(layoutReceipt(receiptFor(), settings.columns), settings, null);
    const built = performance.now();
    if (round < 0) continue;
    encodeMs.push(encoded - start);
    buildAndEncodeMs.push(built - encoded);
    bytes = Math.max(job.bytes.length, job2.bytes.length);
    lines = layout.lines.length;
    unmapped = job.unmapped.length;
  }
  return { encodeMs, buildAndEncodeMs, bytes, lines, unmapped };
}
