import { Command, InvalidArgumentError, Option } from 'commander';
import { CLAIM_COLUMNS, HOLDING_COLUMNS, REGISTER_COLUMNS, registerRows, RETIREMENT_COLUMNS, writeTable, type ExportColumn, type HeaderLanguage } from '@registry/documents';
import { isIsoDate, SCHEME_CODES, type SchemeCode } from '@registry/domain';
import { CLAIM_STATUSES, CLAIM_TYPES, ListClaimsQuery, ListHoldingsQuery, ListRetirementsQuery, RegisterQuery, type Actor, type ClaimStatus, type ClaimType } from '@registry/ledger';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { PassThrough, type Writable } from 'node:stream';
import { withCliContext } from '../cli-context';

/** The operator at the console acts with the admin's rights: every organisation's records. */
const OPERATOR: Actor = { kind: 'admin' };

interface OutputOptions {
  format: 'csv' | 'xlsx';
  lang: HeaderLanguage;
  out?: string;
}

const date = (name: string) => (value: string) => {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`${name} must be a date YYYY-MM-DD that exists`);
  return value;
};

function withOutput(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).default('csv'))
    .addOption(new Option('--lang <lang>', 'language of the column headers').choices(['en', 'ja']).default('en'))
    .option('--out <file>', 'write to this file (default: standard output; xlsx needs a file)');
}

/** `export retirements|claims|holdings|register`: the API's lists with the same filters, as CSV or xlsx. */
export function exportCommand(): Command {
  const exporter = new Command('export').description('export a list as CSV or xlsx, with the same filters as the API');
  withOutput(exporter.command('retirements').description('every retirement (filters as GET /v1/retirements)'))
    .option('--beneficiary <text>', 'part of the beneficiary’s name')
    .option('--claim <id>', 'claim id')
    .addOption(new Option('--scheme <code>', 'credit scheme').choices([...SCHEME_CODES]))
    .option('--retired-from <date>', 'retired on or after', date('--retired-from'))
    .option('--retired-to <date>', 'retired on or before', date('--retired-to'))
    .option('--org <id>', 'only this organisation’s retirements')
    .action(async (o: OutputOptions & { beneficiary?: string; claim?: string; scheme?: SchemeCode; retiredFrom?: string; retiredTo?: string; org?: string }) => {
      await runExport(o, 'retirements', RETIREMENT_COLUMNS, (app) => (cursor, limit) =>
        app.get(ListRetirementsQuery).execute({
          actor: OPERATOR, beneficiary: o.beneficiary, claimId: o.claim, scheme: o.scheme, retiredFrom: o.retiredFrom, retiredTo: o.retiredTo, organizationId: o.org, cursor, limit,
        }),
      );
    });
  withOutput(exporter.command('claims').description('every claim (filters as GET /v1/claims)'))
    .addOption(new Option('--type <type>', 'claim type').choices(CLAIM_TYPES))
    .addOption(new Option('--status <status>', 'claim status').choices(CLAIM_STATUSES))
    .action(async (o: OutputOptions & { type?: ClaimType; status?: ClaimStatus }) => {
      await runExport(o, 'claims', CLAIM_COLUMNS, (app) => (cursor, limit) => app.get(ListClaimsQuery).execute({ actor: OPERATOR, type: o.type, status: o.status, cursor, limit }));
    });
  withOutput(exporter.command('holdings').description('an organisation’s held blocks (filters as GET /v1/holdings)'))
    .requiredOption('--org <id>', 'the holding organisation')
    .addOption(new Option('--scheme <code>', 'credit scheme').choices([...SCHEME_CODES]))
    .action(async (o: OutputOptions & { org: string; scheme?: SchemeCode }) => {
      await runExport(o, 'holdings', HOLDING_COLUMNS, (app) => (cursor, limit) => app.get(ListHoldingsQuery).execute({ organizationId: o.org, scheme: o.scheme, cursor, limit }));
    });
  withOutput(exporter.command('register').description('the public register, one row per credit (filters as GET /v1/register)'))
    .addOption(new Option('--type <type>', 'claim type').choices(CLAIM_TYPES))
    .addOption(new Option('--status <status>', 'claim status').choices(CLAIM_STATUSES))
    .option('--certified-from <date>', 'certified on or after', date('--certified-from'))
    .option('--certified-to <date>', 'certified on or before', date('--certified-to'))
    .option('--q <text>', 'part of the holder, product, boundary or a beneficiary')
    .action(async (o: OutputOptions & { type?: ClaimType; status?: ClaimStatus; certifiedFrom?: string; certifiedTo?: string; q?: string }) => {
      await runExport(o, 'register', REGISTER_COLUMNS, (app) => async (cursor, limit) => {
        const page = await app.get(RegisterQuery).execute({ type: o.type, status: o.status, certifiedFrom: o.certifiedFrom, certifiedTo: o.certifiedTo, text: o.q, cursor, limit });
        return { items: registerRows(page.items), nextCursor: page.nextCursor };
      });
    });
  return exporter;
}

type PageReader<T> = (cursor: string | undefined, limit: number) => Promise<{ items: T[]; nextCursor?: string }>;

async function runExport<T>(
  options: OutputOptions,
  name: string,
  columns: readonly ExportColumn<T>[],
  reader: (app: Parameters<Parameters<typeof withCliContext>[0]>[0]) => PageReader<T>,
): Promise<void> {
  if (options.format === 'xlsx' && !options.out) throw new InvalidArgumentError('--format xlsx needs --out <file>');
  await withCliContext(async (app) => {
    // Standard output is never ended (Node refuses to close it): the table goes through a pipe that is.
    const out: Writable = options.out ? createWriteStream(options.out) : new PassThrough();
    if (!options.out) (out as PassThrough).pipe(process.stdout, { end: false });
    await writeTable({ format: options.format, lang: options.lang, columns, name, page: reader(app) }, out);
    await finished(out);
  });
}
