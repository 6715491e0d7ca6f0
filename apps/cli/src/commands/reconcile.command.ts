import { Command, InvalidArgumentError } from 'commander';
import { isRegistryExportFormat, REGISTRY_EXPORT_FORMATS, type RegistryExportFormat } from '@registry/domain';
import { OperatorReconciliationUseCase, reportRecord, REPORT_COLUMNS, type ReconciliationLine } from '@registry/ledger';
import { stringify } from 'csv-stringify';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { neutraliseFormula } from '../../../api/src/http/csv';
import { withCliContext } from '../cli-context';

function formatOption(value: string): RegistryExportFormat {
  if (!isRegistryExportFormat(value)) throw new InvalidArgumentError(`must be one of ${REGISTRY_EXPORT_FORMATS.join(', ')}`);
  return value;
}

/** The report file: UTF-8 BOM, header, every cell neutralised as the API's CSVs are (apps/api/src/http/csv.ts). */
function reportWriter(file: string) {
  const out = createWriteStream(file);
  out.write('\ufeff');
  const csv = stringify({
    header: true,
    columns: REPORT_COLUMNS.map((key) => ({ key, header: key })),
    cast: { string: neutraliseFormula, number: (value) => neutraliseFormula(String(value)) },
  });
  csv.pipe(out);
  return {
    async write(line: ReconciliationLine) {
      if (!csv.write(reportRecord(line))) await once(csv, 'drain');
    },
    async close() {
      csv.end();
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
    .description('compare a registry export with the ledger; prints a JSON summary; exit code 3 when there are alerts')
    .action(async (file: string, options: { format?: RegistryExportFormat; report?: string; org?: string }) => {
      const report = options.report ? reportWriter(options.report) : undefined;
      const started = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      try {
        const summary = await withCliContext((app) =>
          app.get(OperatorReconciliationUseCase).execute({
            source: createReadStream(file),
            format: options.format,
            scopeOrganizationId: options.org ?? null,
            onLine: report ? (line) => report.write(line) : undefined,
          }),
        );
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const cpu = process.cpuUsage(cpuBefore);
        // CPU time beside wall time: on a shared machine the wall time also counts the other processes' turns.
        const cpuSeconds = (cpu.user + cpu.system) / 1e6;
        process.stdout.write(`${JSON.stringify({ ...summary, seconds: Number(seconds.toFixed(3)), rowsPerSecond: Math.round(summary.rows / seconds), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: Number(cpuSeconds.toFixed(3)) })}\n`);
        if (summary.alertCount > 0) process.exitCode = 3;
      } finally {
        await report?.close();
      }
    });
}
