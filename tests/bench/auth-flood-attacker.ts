/**
 * The attacker of the bad-auth flood bench (auth-flood-bench.ts), in a process of its own so
 * that answering its flood does not slow the register's reads in the bench process (a real
 * register is another machine). Usage:
 *
 *   tsx tests/bench/auth-flood-attacker.ts <server url> <device id> <requests> <connections> <address>
 *
 * Prints `auth-flood attacker started (<requests>)`, floods, then `auth-flood statuses <json>`.
 */
import { Agent, request } from 'node:http';

const [url, deviceId, requests, connections, address] = process.argv.slice(2);
if (!url || !deviceId || !requests || !connections || !address) {
  console.error(
    'usage: auth-flood-attacker.ts <url> <device id> <requests> <connections> <address>',
  );
  process.exit(2);
}
const total = Number(requests);
const agent = new Agent({
  keepAlive: true,
  maxSockets: Number(connections),
  localAddress: address,
});

function wrongSecret(n: number): Promise<number> {
  const auth = 'Basic ' + Buffer.from(`${deviceId}:wrong-secret-${n}`).toString('base64');
  return new Promise((resolve, reject) => {
    const outgoing = request(
      new URL('/db/products', url),
      { method: 'GET', headers: { Authorization: auth }, agent },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.once('error', reject);
    outgoing.end();
  });
}

const statuses: Record<string, number> = {};
let sent = 0;
async function connection(): Promise<void> {
  while (sent < total) {
    const status = await wrongSecret(sent++);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
}

console.log(`auth-flood attacker started (${total})`);
await Promise.all(Array.from({ length: Number(connections) }, connection));
agent.destroy();
console.log(`auth-flood statuses ${JSON.stringify(statuses)}`);
