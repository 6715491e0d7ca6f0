import { Command, InvalidArgumentError } from 'commander';
import { isRegistryExportFormat, REGISTRY_EXPORT_FORMATS, type RegistryExportFormat } from '@registry/domain';
import { REPORT_COLUMNS } from '@registry/documents';
import { decodeToUtf8, OperatorReconciliationUseCase, type ReconciliationLine } from '@registry/ledger';
import { once } from 'node:events';
import { neutraliseFormula } from '@registry/documents';
import { withCliContext } from '../cli-context';
import { charsetOption, CHARSET_OPTION_HELP, openInputFile, openOutputFile } from './cli-files';
import { peakRssMb } from './peak-memory';

function formatOption(value: string): RegistryExportFormat {
  if (!isRegistryExportFormat(value)) throw new InvalidArgumentError(`must be one of ${REGISTRY_EXPORT_FORMATS.join(', ')}`);
  return value;
}

/** One CSV cell: formula cells neutralised as the API's CSVs are (apps/api/src/http/csv.ts), quoted when needed. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A module's own copy: the imported binding is read through a getter at every use in the compiled CommonJS.
const COLUMNS: readonly (typeof REPORT_COLUMNS)[number][] = [...REPORT_COLUMNS];
const LINES_PER_WRITE = 4096;

/** The report file: UTF-8 BOM, header, one line per report line, written in large pieces. */
function reportWriter(file: string) {
  const out = openOutputFile(file, '--report');
  // Lines joined once per write: a string grown by += is a rope that costs as much again to write out.
  let pending = [`\ufeff${COLUMNS.map(cell).join(',')}\n`];
  const flush = async () => {
    const text = pending.join('');
    pending = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  return {
    write(line: ReconciliationLine): Promise<void> | void {
      let text = cell(line[COLUMNS[0]!]);
      for (let i = 1; i < COLUMNS.length; i++) text += `,${cell(line[COLUMNS[i]!])}`;
      pending.push(`${text}\n`);
      if (pending.length >= LINES_PER_WRITE) return flush();
    },
    async close() {
      await flush();
      out.end();
      await once(out, 'finish');
    },
  };
}

export function reconcileCommand(): Command {
  return new Command('reconcile')
    .argument('<export>', "a managing registry's public export (CSV): retirements, cancellations, transactions or issuances")
    .option('--format <format>', `${REGISTRY_EXPORT_FORMATS.join(' | ')}; default: detected from the header`, formatOption)
    .option('--report <file>', 'write every compared part, alert and unreadable row there as CSV')
    .option('--org <organizationId>', "compare only this organisation's blocks (default: every block)")
    .option('--charset <charset>', CHARSET_OPTION_HELP, charsetOption, 'auto')
    .description('compare a registry export with the ledger; prints a JSON summary; exit code 3 when there are alerts')
    .action(async (file: string, options: { format?: RegistryExportFormat; report?: string; org?: string; charset: string }) => {
      const source = decodeToUtf8(openInputFile(file, 'export').stream, options.charset);
      const report = options.report ? reportWriter(options.report) : undefined;
      const started = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      try {
        const summary = await withCliContext((app) =>
          app.get(OperatorReconciliationUseCase).execute({
            source,
            format: options.format,
            scopeOrganizationId: options.org ?? null,
            onLine: report ? (line) => report.write(line) : undefined,
          }),
        );
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const cpu = process.cpuUsage(cpuBefore);
        // CPU time beside wall time: on a shared machine the wall time also counts the other processes' turns.
        const cpuSeconds = (cpu.user + cpu.system) / 1e6;
        process.stdout.write(`${JSON.stringify({ ...summary, seconds: Number(seconds.toFixed(3)), rowsPerSecond: Math.round(summary.rows / seconds), peakRssMb: peakRssMb(), cpuSeconds: Number(cpuSeconds.toFixed(3)) })}\n`);
        if (summary.alertCount > 0) process.exitCode = 3;
      } finally {
        await report?.close();
      }
    });
}
