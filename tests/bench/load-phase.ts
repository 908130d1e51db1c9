/**
 * Many registers pushing sales at once: first to the sync-server (every document through its
 * gate: auth, schema, ownership, immutability, totals re-priced), then the very same load (same
 * seeds, so the same sales) to bare express-pouchdb, for the gate's overhead.
 */
import type { SyncServerProcess } from '../helpers/sync-server-process';
import type { BenchData } from './bench-data';
import type { BenchScale } from './bench-scale';
import { startBareServerFor } from './bench-servers';
import { waitUntilIdle, workerPid } from './child-process';
import type { Cleanup } from './cleanup';
import { runRegisterLoad } from './register-load';
import type { LoadRegister, LoadResult } from './register-load';

export interface LoadFigures {
  syncServer: LoadResult;
  /** `pacedRegisters`, a sale each every `pacedIntervalMs`, below capacity: a steady rate. */
  paced: LoadResult;
  pacedIntervalMs: number;
  pacedRegisters: number;
  /** How long the sync-server kept working (mostly reconciling) after each load. */
  catchUpAfterLoadMs: number;
  catchUpAfterPacedMs: number;
  bare: LoadResult;
  registers: number;
  stores: number;
}

export const LOAD_SEED = 5_000;
/** The cluster bench's paced load: a sale per register every 2 s. */
export const PACED_INTERVAL_MS = 2_000;

/**
 * Enrols registers `from + 1` to `count`, round robin over the stores (the same ids on every
 * run; `from` skips those enrolled already).
 */
export async function registersFor(
  server: SyncServerProcess,
  data: BenchData,
  count: number,
  from = 0,
): Promise<LoadRegister[]> {
  const registers: LoadRegister[] = [];
  for (let index = from; index < count; index++) {
    const store = data.stores[index % data.stores.length];
    if (!store) throw new Error('The bench data has no stores');
    const registerId = `reg-${String(index + 1).padStart(2, '0')}`;
    const device = await server.enrollDevice(store.storeId, registerId);
    registers.push({
      storeId: store.storeId,
      registerId,
      deviceId: device.deviceId,
      auth: device.auth,
    });
  }
  return registers;
}

export async function runLoadPhase(
  cleanup: Cleanup,
  server: SyncServerProcess,
  data: BenchData,
  scale: BenchScale,
  log: (line: string) => void,
): Promise<LoadFigures> {
  const registers = await registersFor(server, data, scale.registers);
  const serverPid = workerPid(server.child.pid ?? 0);
  log(`${scale.registers} registers pushing sales to the sync-server for ${scale.loadSeconds} s…`);
  const syncServer = await runRegisterLoad({
    baseUrl: server.url,
    registers,
    seconds: scale.loadSeconds,
    maxSales: scale.maxSalesPerLoad,
    data,
    seed: LOAD_SEED,
    serverPid,
  });

  // The server goes on after the last acknowledgement (reconciliation is debounced until writes
  // pause): let it finish before the next load, and report how long that took.
  const catchUpAfterLoadMs = await waitUntilIdle(serverPid, 1_000, 180_000);
  const pacedRegisters = [
    ...registers,
    ...(await registersFor(server, data, scale.pacedRegisters, registers.length)),
  ].slice(0, scale.pacedRegisters);
  log(
    `${pacedRegisters.length} registers, one sale each every ${scale.pacedIntervalMs / 1000} s, for ${scale.pacedSeconds} s…`,
  );
  const paced = await runRegisterLoad({
    baseUrl: server.url,
    registers: pacedRegisters,
    seconds: scale.pacedSeconds,
    maxSales: scale.maxSalesPerLoad,
    data,
    seed: LOAD_SEED + 1_000,
    serverPid,
    intervalMs: scale.pacedIntervalMs,
  });

  const catchUpAfterPacedMs = await waitUntilIdle(serverPid, 1_000, 180_000);

  const bare = await startBareServerFor(cleanup, data);
  try {
    log(`the same load against bare express-pouchdb for ${scale.loadSeconds} s…`);
    const bareResult = await runRegisterLoad({
      baseUrl: bare.ready,
      registers: registers.map(({ auth: _auth, ...register }) => register),
      seconds: scale.loadSeconds,
      maxSales: scale.maxSalesPerLoad,
      data,
      seed: LOAD_SEED,
      serverPid: workerPid(bare.child.pid ?? 0),
    });
    return {
      syncServer,
      paced,
      pacedIntervalMs: scale.pacedIntervalMs,
      pacedRegisters: pacedRegisters.length,
      catchUpAfterLoadMs,
      catchUpAfterPacedMs,
      bare: bareResult,
      registers: registers.length,
      stores: data.stores.length,
    };
  } finally {
    await bare.stop();
  }
}
