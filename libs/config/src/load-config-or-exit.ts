import { ConfigError, type RegistryConfig } from './registry-config';
import { loadConfig } from './load-config';

/** For process entry points: a bad variable stops the process with a message naming it. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
