import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { EMPTY_ROOT, JournalLogVerifier, verifyCheckpoint, type LogVerification } from '@registry/domain';
import { logCaughtUp } from '../log/log-caught-up';
import { CertificateSigner, UnitOfWork, type LoggedJournalEntry } from '../ports';

const VERIFY_PAGE = 2000;

@Injectable()
export class JournalQueries {
  private readonly origin: string;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly signer: CertificateSigner,
    @Inject(REGISTRY_CONFIG) config: Pick<RegistryConfig, 'logOrigin'>,
  ) {
    this.origin = config.logOrigin;
  }

  /** The latest checkpoint's size and root (hex), once every entry committed before the call is in it. */
  async head(): Promise<{ sequence: number; hash: string }> {
    await logCaughtUp(this.uow);
    const latest = await this.uow.read(({ log }) => log.latestCheckpoint());
    return { sequence: latest?.size ?? 0, hash: (latest?.rootHash ?? EMPTY_ROOT).toString('hex') };
  }

  /** Entries in log order from log place `after` (0: the start); the cursor is the next place. */
  async entries(after: number, limit: number, type?: string): Promise<{ items: LoggedJournalEntry[]; nextCursor?: string }> {
    await logCaughtUp(this.uow);
    const items = await this.uow.read(({ journal }) => journal.logged(after, limit, type));
    return items.length === limit ? { items, nextCursor: String(items[items.length - 1].logIndex + 1) } : { items };
  }

  /**
   * Rebuilds the tree from the entries, page by page, and holds it against the stored leaves, every
   * signed checkpoint's root, and the latest checkpoint's signature by a published key.
   */
  async verify(): Promise<LogVerification> {
    await logCaughtUp(this.uow);
    const [roots, latest] = await this.uow.read(({ log }) => Promise.all([log.checkpointRoots(), log.latestCheckpoint()]));
    const verifier = new JournalLogVerifier(roots);
    for (let from = 0; ; from += VERIFY_PAGE) {
      const page = await this.uow.read(({ log }) => log.loggedWithLeaves(from, VERIFY_PAGE));
      page.forEach((logged) => verifier.accept({ index: logged.logIndex, entry: logged, storedLeafHash: logged.storedLeafHash }));
      if (page.length < VERIFY_PAGE) break;
    }
    const result = verifier.result();
    if (result.ok && latest && !verifyCheckpoint(latest.note, this.signer.noteVerifierKeys(this.origin))) {
      return { ...result, ok: false, firstBadSequence: latest.size, problem: `the checkpoint of size ${latest.size} is not signed by a published key` };
    }
    return result;
  }
}
