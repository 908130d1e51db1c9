/**
 * The print queue on a real folder with the fake printer: durable before sending, failures kept
 * with their message, retries, copies, and recovery after a crash mid-print.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestReceipt } from '../../../src/receipt/builders/test-receipt';
import { COPY_HEADER } from '../../../src/receipt/receipt-layout';
import type { PrintJobInfo } from '../../../src/ipc/contract';
import type { Receipt } from '../../../src/receipt/model';
import { FakeReceiptPrinter } from '../../../main/devices/printer/fake-receipt-printer';
import {
  INTERRUPTED_MESSAGE,
  NO_PRINTER_MESSAGE,
  PrintQueue,
} from '../../../main/devices/print-queue/print-queue';

const receipt: Receipt = buildTestReceipt({
  storeName: 'Omnitill',
  locale: 'vi-VN',
  currency: 'VND',
  now: new Date('2025-03-04T05:06:07Z'),
  documentId: 'sale_QUEUE01',
});

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'omnitill-print-queue-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const jobFile = (jobId: string): string => join(dataDir, 'print-jobs', `${jobId}.json`);

describe('print queue', () => {
  it('writes the job to disk before the printer sees it, then marks it printed', async () => {
    const printer = new FakeReceiptPrinter(32);
    let onDiskWhenPrinted = false;
    const print = printer.print.bind(printer);
    printer.print = (r) => {
      onDiskWhenPrinted = existsSync(jobFile('job-1'));
      return print(r);
    };
    const queue = await PrintQueue.open({ dataDir, printer });
    const events: PrintJobInfo[] = [];
    queue.onJob((job) => events.push(job));
    expect(await queue.print('job-1', receipt)).toMatchObject({ state: 'printed', attempts: 1 });
    expect(onDiskWhenPrinted).toBe(true);
    expect(events.map((e) => e.state)).toEqual(['queued', 'printing', 'printed']);
    const stored = JSON.parse(await readFile(jobFile('job-1'), 'utf8')) as {
      state: string;
      receipt: Receipt;
    };
    expect(stored.state).toBe('printed');
    expect(stored.receipt.documentId).toBe('sale_QUEUE01');
  });

  it('keeps the sale whether or not a printer is there: no printer, failed with the reason, printed on retry', async () => {
    let printer: FakeReceiptPrinter | null = null;
    const queue = await PrintQueue.open({ dataDir, printer: () => printer });
    const queued = await queue.submit('job-2', receipt);
    expect(queued.state).toBe('queued');
    await queue.idle();
    expect(queue.job('job-2')).toMatchObject({
      state: 'failed',
      lastError: NO_PRINTER_MESSAGE,
      // The code is what the page words in its own language (issue #18).
      lastErrorCode: 'not-configured',
    });

    printer = new FakeReceiptPrinter();
    printer.state = 'paper-out';
    expect(await queue.retry('job-2')).toMatchObject({
      ok: true,
      value: { state: 'failed', attempts: 2 },
    });
    expect(queue.job('job-2')?.lastError).toMatch(/out of paper/);

    printer.state = 'ready';
    expect(await queue.retry('job-2')).toEqual({
      ok: true,
      value: { jobId: 'job-2', documentId: 'sale_QUEUE01', state: 'printed', attempts: 3 },
    });
    expect(printer.printed).toHaveLength(1);
  });

  it('never prints a job twice when the same job id comes again', async () => {
    const printer = new FakeReceiptPrinter();
    const queue = await PrintQueue.open({ dataDir, printer });
    await queue.print('job-3', receipt);
    expect(await queue.print('job-3', receipt)).toMatchObject({ state: 'printed', attempts: 1 });
    expect(await queue.retry('job-3')).toMatchObject({ ok: false, code: 'bad-request' });
    expect(printer.printed).toHaveLength(1);
  });

  it('reprints a past receipt as a copy headed BẢN SAO / COPY', async () => {
    const printer = new FakeReceiptPrinter(42);
    const queue = await PrintQueue.open({ dataDir, printer });
    await queue.print('job-4', receipt);
    const copy = await queue.reprint('job-4', 'job-4-copy');
    expect(copy).toMatchObject({
      ok: true,
      value: { jobId: 'job-4-copy', documentId: 'sale_QUEUE01', state: 'printed' },
    });
    const lines = printer.printed[1]?.lines ?? [];
    expect(lines[0]?.trim()).toBe(COPY_HEADER);
    expect(printer.printed[0]?.lines[0]?.trim()).not.toBe(COPY_HEADER);
    expect(await queue.reprint('missing')).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('after a crash mid-print, reopens the job as failed rather than printing it twice', async () => {
    const first = await PrintQueue.open({ dataDir, printer: null });
    await first.submit('job-5', receipt);
    await first.idle();
    // Simulate the app dying while the job was being sent.
    const stored = JSON.parse(await readFile(jobFile('job-5'), 'utf8')) as Record<string, unknown>;
    await writeFile(jobFile('job-5'), JSON.stringify({ ...stored, state: 'printing' }));
    const reopened = await PrintQueue.open({ dataDir, printer: new FakeReceiptPrinter() });
    expect(reopened.jobs()).toEqual([
      expect.objectContaining({
        jobId: 'job-5',
        state: 'failed',
        lastError: INTERRUPTED_MESSAGE,
        lastErrorCode: 'interrupted',
      }),
    ]);
    expect(await reopened.retry('job-5')).toMatchObject({ ok: true, value: { state: 'printed' } });
  });
});
