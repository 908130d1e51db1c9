/**
 * `npm run admin -- vietqr …` as a store owner runs it: a summary, then the payload alone on the
 * last line; a wrong input exits non-zero and says which input to fix.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../helpers/sync-server-process';
import { decodeVietQr } from '../../../unit/payments/emv-reader';

const run = promisify(execFile);
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI = join(REPO_ROOT, 'sync-server/admin-cli.ts');

describe('the vietqr admin command', () => {
  it('prints the payload for the given inputs on its last line', async () => {
    const { stdout } = await run(TSX, [
      CLI,
      'vietqr',
      '--bin',
      '970436',
      '--account',
      '0011000123456',
      '--amount',
      '125000',
      '--ref',
      'HD000123',
    ]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/970436/);
    const payload = lines[lines.length - 1] ?? '';
    const decoded = decodeVietQr(payload);
    expect(decoded.crcOk).toBe(true);
    expect(decoded.root.get('54')).toBe('125000');
    expect(decoded.beneficiary.get('01')).toBe('0011000123456');
    expect(decoded.additional.get('01')).toBe('HD000123');
  }, 30_000);

  it('exits non-zero naming a bad BIN', async () => {
    const failed = run(TSX, [
      CLI,
      'vietqr',
      '--bin',
      '97043',
      '--account',
      '0011000123456',
      '--amount',
      '125000',
      '--ref',
      'HD000123',
    ]);
    await expect(failed).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/six-digit NAPAS code/) as unknown,
    });
  }, 30_000);
});
