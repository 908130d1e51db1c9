// Fails at once, naming the Debian package, when a system tool the tests need is missing.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const missing = [];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium))
  missing.push(['chromium', `Chromium is not at ${chromium} (end-to-end tests drive it)`]);
try {
  execFileSync('socat', ['-V'], { stdio: 'ignore' });
} catch {
  missing.push([
    'socat',
    'socat is not installed (scanner and serial printer tests use its pseudo-terminals)',
  ]);
}
try {
  execFileSync('openssl', ['version'], { stdio: 'ignore' });
} catch {
  missing.push([
    'openssl',
    'openssl is not installed (the sync-server TLS test makes its certificate with it)',
  ]);
}
if (missing.length > 0) {
  for (const [, why] of missing) console.error(`Missing: ${why}.`);
  console.error(`Install with: sudo apt-get install -y ${missing.map(([name]) => name).join(' ')}`);
  process.exit(1);
}
