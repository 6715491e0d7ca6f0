import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

export type CpuPolicy = 'idle' | 'nice';

/**
 * Makes this process yield the CPU to everything else on the machine (no privilege is needed to
 * lower oneself). Every thread is changed: on Linux priority is per thread, and V8's garbage
 * collector threads start before any JavaScript runs, so changing the main thread alone left them
 * competing with the API; threads started later inherit from the main thread.
 *
 * `nice`: niceness `nice` (a smaller share of a busy CPU). `idle`: also SCHED_IDLE, set with
 * util-linux's `chrt` (Node has no call for it): the threads run only when no other thread wants the
 * CPU, and a waking request handler preempts them at once. Returns what was applied.
 */
export function lowerPriority(nice: number, policy: CpuPolicy): { nice: number; policy: CpuPolicy; warning?: string } {
  setPriority(nice);
  const threads = process.platform === 'linux' ? readdirSync('/proc/self/task').map(Number) : [];
  for (const tid of threads) {
    try {
      setPriority(tid, nice);
    } catch {
      // The thread ended meanwhile.
    }
  }
  if (policy !== 'idle') return { nice, policy };
  if (process.platform !== 'linux') return { nice, policy: 'nice', warning: 'SCHED_IDLE exists on Linux only; running niced' };
  try {
    for (const tid of threads) execFileSync('chrt', ['--idle', '--pid', '0', String(tid)], { stdio: 'ignore' });
    return { nice, policy };
  } catch (error) {
    return { nice, policy: 'nice', warning: `could not set SCHED_IDLE (${(error as Error).message.split('\n')[0]}); running niced` };
  }
}
