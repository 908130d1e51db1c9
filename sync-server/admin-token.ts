import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AdminToken {
  token: string;
  /** Where it came from, so the start-up banner can say whether to write it down. */
  source: 'env' | 'file' | 'generated';
}

/**
 * The admin token comes from OMNITILL_ADMIN_TOKEN when set; otherwise it is generated on the
 * first start and kept (mode 0600) in the data directory so restarts keep the same one.
 */
export function loadAdminToken(dataDir: string, fromEnv: string | undefined): AdminToken {
  if (fromEnv && fromEnv.trim()) return { token: fromEnv.trim(), source: 'env' };
  const file = join(dataDir, 'admin-token');
  try {
    const token = readFileSync(file, 'utf8').trim();
    if (token) return { token, source: 'file' };
  } catch {
    // No token yet: this is the first start.
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return { token, source: 'generated' };
}
