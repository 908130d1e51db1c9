/**
 * Bad input and bad days: an unknown printer type, a printer that is switched off (the job
 * waits in the queue as failed and prints on Retry once it is back), a silent serial line, and
 * the CLI run against a capture server.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestReceipt, VIETNAMESE_SAMPLE } from '../../../src/receipt/builders/test-receipt';
import { createReceiptPrinter } from '../../../main/devices/printer/escpos-printer';
import { PrintQueue } from '../../../main/devices/print-queue/print-queue';
import type { PrintJobInfo } from '../../../src/ipc/contract';
import { jobEvents, printedLines } from './support/escpos-decoder';
import { listen, serialHarness, tcpHarness } from './support/printer-harnesses';
import type { PrinterHarness } from './support/printer-harnesses';

const receipt = buildTestReceipt({
  storeName: 'Omnitill',
  locale: 'vi-VN',
  currency: 'VND',
  now: new Date('2025-03-04T05:06:07Z'),
  documentId: 'sale_OFFLINE01',
});

async function freePort(): Promise<number> {
  const server: Server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('printer settings that cannot work', () => {
  it('rejects an unknown printer type with a plain message', () => {
    const created = createReceiptPrinter({ url: 'tcp://127.0.0.1:9100', type: 'zebra' });
    expect(created).toEqual({
      ok: false,
      code: 'bad-request',
      message: 'Unknown printer type "zebra". Use one of: epson, star.',
      canRetry: false,
    });
  });

  it('rejects an address it does not understand', () => {
    const created = createReceiptPrinter({ url: 'usb://printer' });
    expect(created).toMatchObject({ ok: false, code: 'bad-request' });
    expect(created.ok ? '' : created.message).toMatch(/tcp:\/\/host:9100/);
  });

  it('refuses 48 columns on 58 mm paper', () => {
    const created = createReceiptPrinter({ url: 'tcp://127.0.0.1', paperWidth: 58, columns: 48 });
    expect(created).toMatchObject({ ok: false, code: 'bad-request' });
  });
});

describe('a printer that is switched off', () => {
  it('keeps the job as failed with a plain message, then prints it on Retry once the printer is back', async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(join(tmpdir(), 'omnitill-queue-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const created = createReceiptPrinter({ url: `tcp://127.0.0.1:${port}`, timeoutMs: 1000 });
    if (!created.ok) throw new Error(created.message);
    const queue = await PrintQueue.open({ dataDir, printer: created.value });
    const seen: PrintJobInfo[] = [];
    queue.onJob((job) => seen.push(job));

    const failed = await queue.print('job-1', receipt);
    expect(failed).toEqual({
      jobId: 'job-1',
      documentId: 'sale_OFFLINE01',
      state: 'failed',
      attempts: 1,
      lastError: `The receipt printer at 127.0.0.1:${port} does not answer. Check it is on and connected, then press Retry.`,
      lastErrorCode: 'offline',
    });
    expect(seen.map((job) => job.state)).toEqual(['queued', 'printing', 'failed']);

    const harness = await tcpHarness(port);
    cleanups.push(() => harness.close());
    const retried = await queue.retry('job-1');
    expect(retried).toEqual({
      ok: true,
      value: { jobId: 'job-1', documentId: 'sale_OFFLINE01', state: 'printed', attempts: 2 },
    });
    expect(printedLines(jobEvents(await harness.captured())).map((l) => l.trim())).toContain(
      VIETNAMESE_SAMPLE,
    );
  });

  it('reports a silent serial printer as offline', async () => {
    const harness: PrinterHarness = await serialHarness();
    cleanups.push(() => harness.close());
    if (harness.peer) harness.peer.answersStatus = false;
    const created = createReceiptPrinter({ url: harness.url, timeoutMs: 300 });
    if (!created.ok) throw new Error(created.message);
    const status = await created.value.status();
    expect(status).toMatchObject({ state: 'offline' });
    expect(status.message).toMatch(/does not answer/);
  });
});

describe('npm run devices -- print-test', () => {
  function runCli(
    args: string[],
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn('node_modules/.bin/tsx', ['main/devices/cli.ts', ...args], {
        cwd: process.cwd(),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('prints the test receipt and kicks the drawer on the capture server', async () => {
    const harness = await tcpHarness();
    cleanups.push(() => harness.close());
    const run = await runCli(['print-test', '--printer', harness.url, '--width', '58', '--drawer']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Printed the test receipt/);
    const events = jobEvents(
      await harness.captured((e) => e.some((event) => event.kind === 'drawer')),
    );
    expect(events[0]).toEqual({ kind: 'init' });
    expect(printedLines(events).map((l) => l.trim())).toContain(VIETNAMESE_SAMPLE);
    expect(events).toContainEqual({ kind: 'drawer', bytes: [0x1b, 0x70, 0x00, 0x19, 0xfa] });
  });

  it('fails with a plain message and a non-zero exit when the printer does not answer', async () => {
    const port = await freePort();
    const run = await runCli([
      'print-test',
      '--printer',
      `tcp://127.0.0.1:${port}`,
      '--timeout',
      '1000',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /does not answer\. Check it is on and connected, then press Retry\./,
    );
  });

  it('explains a bad option and exits 2', async () => {
    const run = await runCli([
      'print-test',
      '--printer',
      'tcp://127.0.0.1:9100',
      '--type',
      'zebra',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown printer type "zebra"/);
  });
});
