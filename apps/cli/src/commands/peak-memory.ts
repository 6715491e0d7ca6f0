import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory in MB. On Linux it is read from /proc/self/status (VmHWM):
 * getrusage's maxRSS, which process.resourceUsage() reports, starts from the parent's resident size
 * at the fork that started this process, so a CLI spawned by a large process (the bench, after
 * seeding its ledgers) reported the parent's 313–333 MB instead of its own 213–224 MB.
 */
export function peakRssMb(status: () => string = () => readFileSync('/proc/self/status', 'utf8')): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status());
    if (kib) return Math.round(Number(kib[1]) / 1024);
  } catch {
    // Not Linux: getrusage's figure, which may include the parent's.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
