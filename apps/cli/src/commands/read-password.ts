import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * A password for a console command, never from argv (which `ps` and shell histories show): typed at
 * a prompt that does not echo, twice, or else the first line of stdin (`… < file`, a pipe from a
 * secrets manager).
 */
export async function readPassword(what: string): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await promptHidden(`${what}: `);
  const again = await promptHidden(`${what} (again): `);
  if (first !== again) throw new PasswordEntryError('the two entries differ; nothing was changed');
  return first;
}

export class PasswordEntryError extends Error {}

async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  if (!line) throw new PasswordEntryError('no password on stdin: pipe it in (first line), or run the command at a terminal to be asked');
  return line;
}

function promptHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
