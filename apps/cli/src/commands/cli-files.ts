import { isKnownCharset } from '@registry/ledger';
import { InvalidArgumentError } from 'commander';
import { createReadStream, createWriteStream, fstatSync, openSync, type ReadStream, type WriteStream } from 'node:fs';

/** A mistake on the command line (a file that cannot be opened, an option missing): said in one line, before any work starts. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
};

function open(file: string, flags: 'r' | 'w', what: string): number {
  try {
    return openSync(file, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliUsageError(`${what} ${file}: ${REASONS[code] ?? code}`);
  }
}

/** The file to read (`what` names it in the message, e.g. "export"), with its size. */
export function openInputFile(file: string, what: string): { stream: ReadStream; bytes: number } {
  const fd = open(file, 'r', what);
  const stat = fstatSync(fd);
  if (!stat.isFile()) throw new CliUsageError(`${what} ${file}: ${stat.isDirectory() ? REASONS['EISDIR'] : 'not a regular file'}`);
  return { stream: createReadStream('', { fd }), bytes: stat.size };
}

/** The file to write (created or emptied now, so a wrong path fails before the work, not after it). */
export function openOutputFile(file: string, what: string): WriteStream {
  return createWriteStream('', { fd: open(file, 'w', what) });
}

/** The --charset option: a charset iconv-lite knows, or `auto` (UTF-8 if the file's first bytes are, else Shift_JIS). */
export const CHARSET_OPTION_HELP = 'the file\'s charset: auto (UTF-8, or Shift_JIS as Excel in Japanese saves CSV), utf-8, shift_jis, euc-jp, …';

export function charsetOption(value: string): string {
  const charset = value.toLowerCase();
  if (charset !== 'auto' && !isKnownCharset(charset)) throw new InvalidArgumentError(`charset ${charset} is not known`);
  return charset;
}
