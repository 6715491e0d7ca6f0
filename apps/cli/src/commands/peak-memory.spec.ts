import { execFileSync } from 'node:child_process';
import { peakRssMb } from './peak-memory';

const STATUS = ['Name:\tnode', 'VmPeak:\t11657984 kB', 'VmHWM:\t  218112 kB', 'VmRSS:\t  184476 kB'].join('\n');

describe('peakRssMb (the CLI summary’s peak resident memory)', () => {
  it('reads VmHWM, the process’s own high-water mark, in MB', () => {
    expect(peakRssMb(() => STATUS)).toBe(213);
  });

  it('falls back to getrusage where /proc cannot be read', () => {
    const fallback = Math.round(process.resourceUsage().maxRSS / 1024);
    expect(peakRssMb(() => 'Name:\tnode')).toBe(fallback);
    expect(
      peakRssMb(() => {
        throw new Error('ENOENT');
      }),
    ).toBe(fallback);
  });

  (process.platform === 'linux' ? it : it.skip)('does not count the parent’s memory, which getrusage’s maxRSS does after a fork', () => {
    const ballast = Buffer.alloc(256 * 1024 * 1024, 1);
    const script = `const s = require('fs').readFileSync('/proc/self/status', 'utf8'); console.log(JSON.stringify({ hwm: Number(/^VmHWM:\\s+(\\d+) kB$/m.exec(s)[1]) / 1024, maxRss: process.resourceUsage().maxRSS / 1024 }))`;
    const child = JSON.parse(execFileSync(process.execPath, ['-e', script]).toString()) as { hwm: number; maxRss: number };
    expect(ballast[ballast.length - 1]).toBe(1);
    expect(child.maxRss).toBeGreaterThan(256);
    expect(child.hwm).toBeLessThan(128);
  });
});
