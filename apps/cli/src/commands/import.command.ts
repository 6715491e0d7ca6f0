import { Command, Option } from 'commander';
import { refusedRowsCsvHeader, refusedRowsCsvLines } from '@registry/documents';
import { CreateHoldingsImportUseCase, decodeToUtf8, holdingsFormatNames, RunHoldingsImportUseCase } from '@registry/ledger';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Readable, Transform } from 'node:stream';
import { DataSource } from 'typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import { withCliContext } from '../cli-context';
import { charsetOption, CHARSET_OPTION_HELP, CliUsageError, openInputFile, openOutputFile } from './cli-files';
import { boundHeapGrowth } from './heap-growth';
import { ImportProgressDisplay } from './import-progress';
import { peakRssMb } from './peak-memory';

interface ImportHoldingsOptions {
  org?: string;
  format?: string;
  dryRun?: boolean;
  report?: string;
  batchSize?: string;
  charset: string;
}

/** Rows per transaction at the CLI: the operator's process has nothing else to keep responsive. */
const CLI_BATCH = 10_000;

export function importCommand(): Command {
  const imports = new Command('import').description('bring in a managing registry\'s statement');
  imports
    .command('holdings <file>')
    .description('register every block of a holdings statement (CSV) for a provider; rows already held the same way are skipped')
    .option('--org <id>', 'the provider organisation that holds the blocks')
    .option('--charset <charset>', CHARSET_OPTION_HELP, charsetOption, 'auto')
    .addOption(new Option('--format <format>', 'statement format (default: detected from the header)'))
    .option('--dry-run', 'check every row against the ledger and report, without registering anything')
    .option('--report <file>', 'write every refused row with its reason (CSV)')
    .addOption(new Option('--batch-size <rows>', 'rows per transaction and journal entry').default(String(CLI_BATCH)).hideHelp())
    .action(async (file: string, options: ImportHoldingsOptions) => {
      if (!options.org) throw new CliUsageError('--org <id> is required: the provider organisation that holds the blocks');
      const input = openInputFile(file, 'statement');
      const totalBytes = input.bytes;
      const report = options.report ? openOutputFile(options.report, '--report') : null;
      if (report) report.write(refusedRowsCsvHeader());
      const progress = new ImportProgressDisplay();
      const record = await withCliContext(async (app) => {
        smallerSqlitePageCache(app);
        boundHeapGrowth();
        const created = await app.get(CreateHoldingsImportUseCase).execute({
          organizationId: options.org!,
          actor: `cli:${process.env.USER ?? 'operator'}`,
          format: options.format,
          dryRun: options.dryRun === true,
        });
        process.stderr.write(`import ${created.id} (formats: ${holdingsFormatNames().join(', ')})\n`);
        let bytesRead = 0;
        // Counted on the way through (a 'data' listener would start the file flowing before the parser reads it).
        // The file's own bytes are counted (the progress bar's total is the file's size), then decoded.
        const counted = input.stream.pipe(
          new Transform({
            transform(chunk: Buffer, _encoding, done) {
              bytesRead += chunk.length;
              done(null, chunk);
            },
          }),
        );
        const source = Readable.from(decodeToUtf8(counted, options.charset));
        const counts = { rows: 0, accepted: 0, skipped: 0, refused: 0 };
        const finished = await app.get(RunHoldingsImportUseCase).execute({
          importId: created.id,
          source,
          batchSize: Number(options.batchSize ?? CLI_BATCH),
          onBatch: async ({ progress: p, refusedRows }) => {
            counts.rows += p.total;
            counts.accepted += p.accepted;
            counts.skipped += p.skipped;
            counts.refused += p.refused;
            if (report && refusedRows.length > 0) await write(report, refusedRowsCsvLines(refusedRows));
            progress.update({ bytesRead, totalBytes, ...counts });
          },
        });
        progress.update({ bytesRead: totalBytes, totalBytes, ...counts });
        return finished;
      });
      progress.finish();
      if (report) {
        report.end();
        await once(report, 'close');
      }
      const seconds = progress.elapsedSeconds();
      const summary = {
        id: record.id,
        status: record.status,
        format: record.format,
        dryRun: record.dryRun,
        total: record.total,
        accepted: record.accepted,
        skipped: record.skipped,
        refused: record.refused,
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: seconds > 0 ? Math.round(record.total / seconds) : null,
        ...processFigures(),
        ...(record.error ? { error: record.error } : {}),
      };
      process.stderr.write(
        `${record.status}: ${record.total} rows, ${record.accepted} accepted, ${record.skipped} skipped, ${record.refused} refused${record.dryRun ? ' (dry run: nothing registered)' : ''}${options.report ? `; refused rows in ${options.report}` : ''}\n`,
      );
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      if (record.status !== 'done') process.exitCode = 3;
    });
  return imports;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** The whole process's CPU time and peak resident memory (the bench reads them from the summary). */
function processFigures(): { cpuSeconds: number; peakRssMb: number } {
  const usage = process.resourceUsage();
  return { cpuSeconds: Number(((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(2)), peakRssMb: peakRssMb() };
}

/**
 * An import appends: each batch touches the last leaf page of each namespace in the live-block index
 * and little else, so 16 MiB of SQLite page cache serve it as well as the API's 64 MiB, and keep a
 * million-row import under 300 MB resident. (This process does nothing else with its connection.)
 */
function smallerSqlitePageCache(app: INestApplicationContext): void {
  const driver = app.get(DataSource).driver as unknown as { databaseConnection?: { pragma?: (source: string) => unknown } };
  driver.databaseConnection?.pragma?.('cache_size = -16384');
}
