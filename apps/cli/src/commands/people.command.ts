import { Command } from 'commander';
import { CreateAdministratorUseCase, ResetPasswordUseCase } from '@registry/ledger';
import { withCliContext } from '../cli-context';
import { PasswordEntryError, readPassword } from './read-password';

/** A password that cannot be read is the operator's to fix, not a crash: the message alone, exit code 1. */
async function withPassword(what: string, work: (password: string) => Promise<void>): Promise<void> {
  let password: string;
  try {
    password = await readPassword(what);
  } catch (error) {
    if (!(error instanceof PasswordEntryError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  await work(password);
}

export function peopleCommand(): Command {
  const people = new Command('people').description('people who sign in to the web pages (passwords are read from a prompt or stdin, never from arguments)');
  people.command('create-admin')
    .description('create the first administrator (a person with the admin role, in the registry operator organisation); prints them as JSON')
    .requiredOption('--email <email>', "the administrator's email, their sign-in name")
    .option('--org <id>', 'the organisation they belong to (default: the existing administrators\', else a new "Registry operator")')
    .option('--force', 'create one even though an administrator exists already')
    .action((options: { email: string; org?: string; force?: boolean }) =>
      withPassword('password', async (password) => {
        const person = await withCliContext((app) =>
          app.get(CreateAdministratorUseCase).execute({ email: options.email, password, organizationId: options.org, force: options.force }),
        );
        process.stdout.write(`${JSON.stringify(person)}\n`);
      }),
    );
  people.command('reset-password')
    .description("give a person a new password: their lockout ends and every session of theirs is revoked")
    .requiredOption('--email <email>', "the person's email")
    .action((options: { email: string }) =>
      withPassword('new password', async (newPassword) => {
        const result = await withCliContext((app) => app.get(ResetPasswordUseCase).execute({ email: options.email, newPassword }));
        process.stdout.write(`${JSON.stringify(result)}\n`);
      }),
    );
  return people;
}
