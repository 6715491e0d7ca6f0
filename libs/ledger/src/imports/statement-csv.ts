import { parse, type Options } from 'csv-parse';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** How a statement's CSV has always been read (csv-parse): the rows and the errors stay those. */
export const STATEMENT_CSV_OPTIONS: Options = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true };

/**
 * The records of a CSV statement, in batches, exactly as csv-parse with STATEMENT_CSV_OPTIONS reads
 * them. Lines without a quote or a stray carriage return (every line of a statement a registry or a
 * provider's script writes) are split natively, several times faster than csv-parse, which a million-
 * row import spent a tenth of its time in. From the first line that has one, the rest of the file is
 * csv-parse's, with the record delimiter already seen and the lines before it counted, so its records
 * and its error messages ("... at line 7") are those of csv-parse reading the whole file.
 */
export async function* statementCsvRecords(source: Readable): AsyncGenerator<string[][]> {
  const decoder = new StringDecoder('utf8');
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let pending = '';
  let first = true;
  let crlf: boolean | undefined;
  let lines = 0;
  for (;;) {
    const next = await chunks.next();
    let text = pending + (next.done ? decoder.end() : typeof next.value === 'string' ? next.value : decoder.write(next.value));
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const records: string[][] = [];
    let from = 0;
    let quote = nextIndex(text, '"', 0);
    let cr = nextIndex(text, '\r', 0);
    for (;;) {
      const end = text.indexOf('\n', from);
      if (end < 0 || quote < end) break;
      if (cr < end - 1) break; // a carriage return inside the line
      const withCr = cr === end - 1;
      if (crlf === undefined) crlf = withCr;
      else if (crlf !== withCr) break; // the line ends otherwise than the first did
      const line = text.slice(from, withCr ? end - 1 : end);
      if (line.length > 0) records.push(line.split(','));
      lines++;
      from = end + 1;
      if (withCr) cr = nextIndex(text, '\r', from);
    }
    let rest = text.slice(from);
    if (next.done && rest.length > 0 && quote === Infinity && cr === Infinity) {
      records.push(rest.split(',')); // the last line, without a line break
      rest = '';
    }
    if (records.length > 0) yield records;
    if (rest.length > 0 && (next.done || rest.indexOf('\n') >= 0)) {
      yield* csvParseRest(rest, next.done ? null : chunks, decoder, lines, crlf);
      return;
    }
    if (next.done) return;
    pending = rest;
  }
}

function nextIndex(text: string, character: string, from: number): number {
  const at = text.indexOf(character, from);
  return at < 0 ? Infinity : at;
}

/** csv-parse reads the rest of the file (from the start of a line), its line numbers counting the lines already read. */
async function* csvParseRest(text: string, chunks: AsyncIterator<Buffer | string> | null, decoder: StringDecoder, linesBefore: number, crlf: boolean | undefined): AsyncGenerator<string[][]> {
  const delimiter = crlf === undefined ? undefined : crlf ? '\r\n' : '\n';
  const parser = parse({ ...STATEMENT_CSV_OPTIONS, bom: false, ...(delimiter ? { record_delimiter: delimiter } : {}) });
  const feed = async () => {
    // Empty lines are skipped by csv-parse and counted as lines, as those already read were.
    parser.write((delimiter ?? '\n').repeat(linesBefore) + text);
    for (;;) {
      if (!chunks) break;
      const next = await chunks.next();
      if (next.done) break;
      const piece = typeof next.value === 'string' ? next.value : decoder.write(next.value);
      if (piece.length > 0 && !parser.write(piece)) await once(parser, 'drain');
    }
    const tail = chunks ? decoder.end() : '';
    if (tail.length > 0) parser.write(tail);
    parser.end();
  };
  feed().catch((error: Error) => parser.destroy(error));
  let batch: string[][] = [];
  for await (const record of parser as AsyncIterable<string[]>) {
    batch.push(record);
    if (batch.length >= 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
