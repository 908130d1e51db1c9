import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds every store's sales, customers and the device secrets' hashes: only the
 * account running the server may read it. New files come out 0600 and folders 0700 through the
 * process umask (LevelDB creates its files itself); a folder made by an older version, when
 * they were 0644/0755, is tightened once at start.
 */
export function secureDataFolder(dataDir: string): void {
  // The sync-server runs as a process of its own (cli.ts): the umask is its alone.
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tighten(dataDir);
}

function tighten(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tighten(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}
