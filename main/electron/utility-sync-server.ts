/**
 * The packaged app's local sync-server runs in an Electron utility process (a Node.js child that
 * Electron starts itself), so the binary needs no ELECTRON_RUN_AS_NODE and its runAsNode fuse is
 * off: nobody can use the signed Omnitill binary as a general Node.js interpreter. Takes the
 * `utilityProcess` module as a parameter so it is tested without Electron.
 */
import type { utilityProcess } from 'electron';
import { join } from 'node:path';
import type { SyncServerChild, SyncServerCommand } from '../launcher/local-sync-server';

export type UtilityProcessApi = Pick<typeof utilityProcess, 'fork'>;

/** `bundleDir` is dist/electron; the bundled server is dist/sync-server/cli.cjs beside it. */
export function utilitySyncServerCommand(
  utility: UtilityProcessApi,
  bundleDir: string,
): SyncServerCommand {
  return (args, env) => {
    // Never pass the flag on: with the fuse off it does nothing, and it must not leak to children.
    const { ELECTRON_RUN_AS_NODE: _ignored, ...childEnv } = env;
    const child = utility.fork(join(bundleDir, '..', 'sync-server', 'cli.cjs'), args, {
      env: childEnv,
      stdio: 'pipe',
      serviceName: 'Omnitill sync-server',
    });
    const { stdout, stderr } = child;
    if (!stdout || !stderr) throw new Error('The sync-server process has no output to read.');
    let exitCode: number | null | undefined;
    const exitListeners: ((code: number | null) => void)[] = [];
    child.once('exit', (code: number) => {
      exitCode = code;
      for (const listener of exitListeners) listener(code);
    });
    const running: SyncServerChild = {
      stdout,
      stderr,
      onExit: (listener) => {
        if (exitCode !== undefined) listener(exitCode);
        else exitListeners.push(listener);
      },
      hasExited: () => exitCode !== undefined,
      terminate: () => {
        child.kill();
      },
    };
    return running;
  };
}
