import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AdminToken {
  token: string;
  /** Where it came from, so the start-up banner can say whether to write it down. */
  source: 'env' | 'file' | 'generated';
}

/** Shorter tokens are refused: the admin token guards every store's data. */
export const MIN_ADMIN_TOKEN_LENGTH = 24;

/** Throws, saying how to make a good one, when a token is too short to be a secret. */
export function checkAdminToken(token: string, from: string): void {
  if (token.length >= MIN_ADMIN_TOKEN_LENGTH) return;
  throw new Error(
    `the admin token from ${from} has ${token.length} characters; it needs at least ${MIN_ADMIN_TOKEN_LENGTH}. ` +
      `Make one with: node -e "console.log(require('crypto').randomBytes(24).toString('base64url'))" ` +
      `(or unset OMNITILL_ADMIN_TOKEN and remove the data folder's admin-token file to have one generated).`,
  );
}

/**
 * The admin token comes from OMNITILL_ADMIN_TOKEN when set; otherwise it is generated on the
 * first start and kept (mode 0600) in the data directory so restarts keep the same one.
 */
export function loadAdminToken(dataDir: string, fromEnv: string | undefined): AdminToken {
  if (fromEnv && fromEnv.trim()) {
    checkAdminToken(fromEnv.trim(), 'OMNITILL_ADMIN_TOKEN');
    return { token: fromEnv.trim(), source: 'env' };
  }
  const file = join(dataDir, 'admin-token');
  let kept = '';
  try {
    kept = readFileSync(file, 'utf8').trim();
  } catch {
    // No token yet: this is the first start.
  }
  if (kept) {
    checkAdminToken(kept, file);
    return { token: kept, source: 'file' };
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return { token, source: 'generated' };
}
