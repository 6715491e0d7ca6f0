import { Command } from 'commander';
import { loadConfig } from '@registry/config';
import { FileKeyRing } from '@registry/persistence';

/** Rotation: a new key signs from now on; earlier keys stay published so old certificates still verify. */
export function certificateKeysCommand(): Command {
  const keys = new Command('keys').description('certificate signing keys');
  keys
    .command('rotate')
    .description('create a new Ed25519 signing key in CERTIFICATE_KEYS_DIR; restart the API and workers to sign with it')
    .action(() => {
      const kid = FileKeyRing.createKey(loadConfig().certificateKeysDir);
      process.stdout.write(`${kid}\n`);
    });
  return keys;
}
