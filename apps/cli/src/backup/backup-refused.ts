/** A backup or restore that would be wrong or cannot run: the message says why and what to do (exit code 1). */
export class BackupRefusedError extends Error {
  override readonly name = 'BackupRefusedError';
}
