import { UnitOfWork, type SessionStore, type Stores } from '@registry/ledger/ports';

/**
 * A unit of work whose stores keep sessions elsewhere (Redis): everything else as `inner` does,
 * in its transactions; `sessions` is the given store in every unit, read or write.
 */
export class SessionStoreOverride extends UnitOfWork {
  constructor(
    private readonly inner: UnitOfWork,
    private readonly sessions: SessionStore,
  ) {
    super();
  }

  write<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.inner.write((stores) => work({ ...stores, sessions: this.sessions }));
  }

  read<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.inner.read((stores) => work({ ...stores, sessions: this.sessions }));
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }
}
