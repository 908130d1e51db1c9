/** The bad-auth flood's section of docs/BENCHMARKS.md (from docs/bench-auth-flood.json). */
import type { AuthFloodResults } from './auth-flood-bench';
import type { Summary } from './stats';
import { round } from './stats';

const ms = (value: number) => `${round(value, value >= 100 ? 0 : 1).toLocaleString('en-US')} ms`;

function row(name: string, summary: Summary, target: string, result: string): string {
  return `| ${name} | ${target} | **${ms(summary.median)}** | ${ms(summary.p95)} | ${ms(summary.max)} | ${summary.count} | ${result} |`;
}

export function renderAuthFloodSection(results: AuthFloodResults): string[] {
  const { machine, setup } = results;
  const statuses = Object.entries(results.floodStatuses)
    .map(([status, count]) => `${count.toLocaleString('en-US')} × ${status}`)
    .join(', ');
  return [
    '## A signed-in register during a bad-auth flood',
    '',
    `Written by \`npm run bench -- --auth-flood\` (tests/bench/auth-flood-bench.ts) on ${results.startedAt.slice(0, 10)}, in ${Math.round(results.durationS)} s; every read is in [bench-auth-flood.json](bench-auth-flood.json). Issue #15 found that 2,000 failed logins against a device id that had not signed in since the start cost a scrypt each and pushed a legitimate read from 2 ms to 1.7 s (median). Here one sync-server (embedded store, demo data) takes ${Number(setup['flood requests']).toLocaleString('en-US')} requests with a different wrong secret each against such a device id, ${String(setup['flood connections'])} in flight at once from ${String(setup['attacker address'])} (sent by a process of its own: answering it must not slow the reader's own event loop, as it would not on a real register), while a register that signed in before reads \`${String(setup['legitimate read']).replace(/^GET /, '')}\` over and over (one at a time, from ${String(setup['register address'])}) until the flood is over.`,
    '',
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; load average ${machine.loadAverage} at the start. The server, the flood and the register share those cores.`,
    '',
    '| the register’s read | target | median | p95 | max | samples | result |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row(
      'during the flood',
      results.duringFlood,
      `median < ${results.targetMs} ms`,
      results.pass ? 'pass' : '**miss**',
    ),
    row('quiet, before it', results.quiet, '—', 'reported'),
    '',
    `- The flood took ${results.floodSeconds} s and was answered ${statuses}: after a few failures the device id and the attacker's address are locked and answered 429 before any scrypt (access/auth-throttle.ts); the register's credentials, already verified, are never throttled.`,
    `- Reads of the register not answered 200: ${results.failedReads}.`,
    ...(results.pass
      ? []
      : [
          `- Missed. The flood ran at ${Math.round(Number(setup['flood requests']) / results.floodSeconds).toLocaleString('en-US')} requests/s and multiplied the quiet median by ${round(results.duringFlood.median / results.quiet.median, 1)}: scrypt is no longer the cost, but every 429 is still a request the server's one event loop reads, authenticates and answers in turn, so the register's read most likely waits behind the ${String(setup['flood connections'])} in flight.${machine.loadAverage > machine.cores ? ` The load average was ${machine.loadAverage} on ${machine.cores} cores (other work on the machine): re-run on a quiet one before quoting the figure.` : ''} What is left to try: answer a locked address with fewer resources (close its connection with the 429, or hold at most a few of its requests at once), or take already verified credentials first.`,
        ]),
    '',
  ];
}
