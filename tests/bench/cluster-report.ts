/** The cluster bench's section of docs/BENCHMARKS.md (from docs/bench-cluster.json). */
import type { ClusterBenchResults, SideLoad } from './cluster-bench';

function row(name: string, load: SideLoad): string {
  return `| ${name} | ${load.sales.toLocaleString('en-US')} | ${load.salesPerSecond} | ${load.pushP50Ms} ms | ${load.pushP99Ms} ms | ${load.serverRssPeakMb.map((mb) => `${mb} MB`).join(' + ')} | ${(load.catchUpMs / 1000).toFixed(1)} s | ${load.rejectedDocs} / ${load.failedRequests} |`;
}

export function renderClusterSection(results: ClusterBenchResults): string[] {
  const { machine, embedded, cluster } = results;
  const lost = cluster.salesAcknowledged - cluster.salesStored;
  return [
    '## Several sync-server instances on a CouchDB cluster',
    '',
    `Written by \`npm run bench -- --cluster\` (tests/bench/cluster-bench.ts) on ${results.startedAt.slice(0, 10)}, in ${Math.round(results.durationS)} s; every push latency is in [bench-cluster.json](bench-cluster.json). The same push load as above (each register sends a sale, its stock moves and its loyalty entries as \`_bulk_docs\`, through the full gate), in one run: first ${results.setup.registers} registers against **one sync-server on the embedded store**, then the same registers and the same sales against **two sync-server instances on a ${String(results.setup['CouchDB nodes'])}-node Apache CouchDB 3.5.0 cluster** (${String(results.setup['instances on the cluster'])}; half the registers through each, as a load balancer would spread them). Both sides were seeded with the same ${results.setup.products?.toLocaleString('en-US')} products and ${results.setup.customers?.toLocaleString('en-US')} customers over ${results.setup.stores} stores.`,
    '',
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; load average ${machine.loadAverage} at the start. The cluster's nodes run on the same machine as the servers and the load generator, so the cluster side pays for three Erlang VMs on the same two cores: on such a machine it measures cost, not the capacity a chain gets from separate machines.`,
    '',
    '| side and load | sales | sales/s | push p50 | push p99 | server memory (peak, per instance) | catch-up after | refused docs / failed requests |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    row(
      `embedded, closed loop ${String(results.setup['load seconds (closed loop)'])} s`,
      embedded.closed,
    ),
    row(
      `embedded, paced (a sale per register every ${Number(results.setup['paced interval ms']) / 1000} s)`,
      embedded.paced,
    ),
    row('cluster, closed loop', cluster.closed),
    row('cluster, paced', cluster.paced),
    '',
    `- CouchDB nodes' memory at the end: ${cluster.couchNodeRssMb.length > 0 ? cluster.couchNodeRssMb.map((mb) => `${mb} MB`).join(', ') : 'not measured (an external cluster)'}.`,
    `- Every acknowledged sale is in the cluster: ${cluster.salesStored.toLocaleString('en-US')} sales documents stored for ${cluster.salesAcknowledged.toLocaleString('en-US')} acknowledged${lost === 0 ? '' : ` — **${lost} missing**`}.`,
    ...[embedded.closed, embedded.paced, cluster.closed, cluster.paced]
      .flatMap((load) => load.problems ?? [])
      .filter((problem, index, all) => all.indexOf(problem) === index)
      .map((problem) => `- Refused or failed: \`${problem}\``),
    '- Closed loop: every register sends its next sale when the last is acknowledged, so sales/s is the capacity of the side. Paced: latency counted from when each sale was due (no coordinated omission).',
    '- "Catch-up after" is how long the servers kept working (indexing, reconciling) after the last acknowledgement.',
    '- What the figures mean for sizing is in [DEPLOYMENT.md](DEPLOYMENT.md).',
    '',
  ];
}
