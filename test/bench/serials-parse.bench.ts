import { parseSerial } from '../../libs/domain/src/serials';

/*
 * Serial parsing throughput on one core (target: >= 500,000 parses/s for the J-Credit and Kyoto
 * forms). Each case cycles through distinct serials so no single input stays hot, warms up, then
 * times a loop of at least one second with process.hrtime.bigint().
 */

export interface SerialParseBenchResult {
  name: string;
  perSecond: number;
}

const WARM_UP_PARSES = 200_000;
const MIN_TIMED_NANOSECONDS = 1_000_000_000n;
const PARSES_PER_CLOCK_READ = 10_000;
const DISTINCT_INPUTS = 64;

const CASES: readonly { name: string; serialAt: (i: number) => string }[] = [
  {
    name: 'jcredit',
    serialAt: (i) => `JCL-ERL-R${100 + i}-${1_000_001 + i * 1000}-${1_000_500 + i * 1000}`,
  },
  {
    name: 'kyoto-full',
    serialAt: (i) => `RW-5-${1_463_953 + i * 5000}-2-2-0-7014 - RW-5-${1_467_609 + i * 5000}-2-2-0-7014`,
  },
  {
    name: 'kyoto-compact',
    serialAt: (i) => `JP-4-${2_000_000 + i * 100}-${2_000_050 + i * 100}-1-2-3-${300 + i}-T2`,
  },
  {
    name: 'jcredit-full-width',
    serialAt: (i) => toFullWidth(`JCL-ERL-R${100 + i}-${1_000_001 + i * 1000}-${1_000_500 + i * 1000}`),
  },
];

export async function runSerialParseBench(): Promise<SerialParseBenchResult[]> {
  const results: SerialParseBenchResult[] = [];
  for (const benchCase of CASES) {
    const inputs = Array.from({ length: DISTINCT_INPUTS }, (_, i) => benchCase.serialAt(i));
    results.push({ name: benchCase.name, perSecond: measure(inputs) });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

function measure(inputs: readonly string[]): number {
  let checksum = 0n;
  for (let i = 0; i < WARM_UP_PARSES; i++) checksum += parseSerial(inputs[i % inputs.length]!).range.quantity;
  let parses = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < MIN_TIMED_NANOSECONDS) {
    for (let i = 0; i < PARSES_PER_CLOCK_READ; i++) {
      checksum += parseSerial(inputs[(parses + i) % inputs.length]!).range.quantity;
    }
    parses += PARSES_PER_CLOCK_READ;
    elapsed = process.hrtime.bigint() - started;
  }
  if (checksum === 0n) throw new Error('no serial was parsed');
  return Math.round((parses * 1e9) / Number(elapsed));
}

function toFullWidth(ascii: string): string {
  return ascii.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

if (require.main === module) {
  void runSerialParseBench().then((results) => {
    for (const { name, perSecond } of results) console.log(`${name.padEnd(20)} ${perSecond.toLocaleString('en-US')} parses/s`);
  });
}
