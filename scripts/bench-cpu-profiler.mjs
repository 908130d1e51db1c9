/**
 * Preloaded into the sync-server by tests/bench/gate-bench.ts (NODE_OPTIONS=--import, since
 * --cpu-prof is not allowed there): SIGUSR2 starts V8's CPU profiler, the next SIGUSR2 stops it and writes the
 * profile to $OMNITILL_CPU_PROFILE (then "cpu-profile written" on stdout). Only the window the
 * bench marks is profiled, not start-up.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const target = process.env.OMNITILL_CPU_PROFILE;
if (target) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
          session.post('Profiler.start'),
        ),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) console.error('cpu-profile failed:', error);
      else writeFileSync(target, JSON.stringify(result.profile));
      console.log('cpu-profile written');
    });
  });
}
