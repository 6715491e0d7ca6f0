import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import {
  consistencyPlan,
  DomainError,
  inclusionPlan,
  journalLeafBytes,
  nodeKey,
  TILE_WIDTH,
  tileNodes,
  tileWidth,
  verifierKey,
  type HashPlan,
  type NodeId,
} from '@registry/domain';
import { CertificateSigner, UnitOfWork, type Stores } from '../ports';
import { publishedLogIndex, publishedSize } from './log-place';
import type { CheckpointRecord } from './log-ports';

export interface InclusionProofView {
  index: number;
  treeSize: number;
  leafHash: string;
  hashes: string[];
}

export interface ConsistencyProofView {
  from: number;
  to: number;
  hashes: string[];
}

const base64 = (hash: Buffer) => hash.toString('base64');

/** The public reads of the transparency log (API.md): checkpoint, entries, proofs and tiles, all from the stored tree. */
@Injectable()
export class LogQueries {
  readonly origin: string;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly signer: CertificateSigner,
    @Inject(REGISTRY_CONFIG) config: Pick<RegistryConfig, 'logOrigin'>,
  ) {
    this.origin = config.logOrigin;
  }

  /** The newest signed checkpoint (a C2SP signed note). */
  async checkpoint(): Promise<string> {
    return (await this.latestCheckpoint()).note;
  }

  /** The signed-note verifier keys (`name+keyhash+key`) of every published key, for checkpoint verifiers. */
  verifierKeys(): string[] {
    return this.signer.noteVerifierKeys(this.origin).map((key) => verifierKey(key.name, key.publicKey));
  }

  async entry(index: number): Promise<{ index: number; leaf: string; entry: Record<string, unknown> }> {
    const [logged] = await this.uow.read(({ journal }) => journal.logged(index, 1));
    if (!logged || logged.logIndex !== index) throw new DomainError('NOT_FOUND', `the log has no entry ${index}`, { field: 'index' });
    const { logIndex: _index, ...entry } = logged;
    return { index, leaf: journalLeafBytes(entry).toString('base64'), entry };
  }

  async inclusion(query: { index?: number; certificate?: string; treeSize?: number }): Promise<InclusionProofView> {
    return this.uow.read(async (stores) => {
      const size = await publishedSize(stores);
      const index = query.certificate !== undefined ? await this.indexOfCertificate(stores, query.certificate) : query.index!;
      const treeSize = query.treeSize ?? size;
      if (treeSize > size) throw invalid('treeSize', `treeSize ${treeSize} is beyond the latest checkpoint (${size})`);
      if (index >= treeSize) throw invalid(query.certificate !== undefined ? 'certificate' : 'index', `entry ${index} is not in a tree of size ${treeSize}`);
      const leaf = await this.hashes(stores, { nodes: [{ level: 0, index }], assemble: (hash) => hash({ level: 0, index }) });
      const hashes = await this.hashes(stores, inclusionPlan(index, treeSize));
      return { index, treeSize, leafHash: base64(leaf), hashes: hashes.map(base64) };
    });
  }

  async consistency(from: number, to: number): Promise<ConsistencyProofView> {
    return this.uow.read(async (stores) => {
      const size = await publishedSize(stores);
      if (to > size) throw invalid('to', `to ${to} is beyond the latest checkpoint (${size})`);
      if (from < 1 || from > to) throw invalid('from', 'from must be at least 1 and at most to');
      const hashes = await this.hashes(stores, consistencyPlan(from, to));
      return { from, to, hashes: hashes.map(base64) };
    });
  }

  /**
   * Every hash tile of the newest checkpoint's tree (full ones, and the partial one of each level),
   * with that checkpoint: what a plain file server or a CDN needs to serve the log (C2SP tlog-tiles).
   */
  async publishedTiles(): Promise<{ checkpoint: string; tiles: { level: number; index: number; width: number }[] }> {
    const latest = await this.latestCheckpoint();
    const tiles: { level: number; index: number; width: number }[] = [];
    for (let level = 0; ; level++) {
      const hashes = Math.floor(latest.size / TILE_WIDTH ** level);
      if (hashes === 0) break;
      for (let index = 0; index * TILE_WIDTH < hashes; index++) tiles.push({ level, index, width: Math.min(TILE_WIDTH, hashes - index * TILE_WIDTH) });
    }
    return { checkpoint: latest.note, tiles };
  }

  /** A C2SP tlog-tiles hash tile, from the tree of the latest checkpoint: full, or partial of the width asked. */
  async tile(level: number, index: number, width: number): Promise<Buffer> {
    return this.uow.read(async (stores) => {
      const available = tileWidth(level, index, await publishedSize(stores));
      if (available < width) throw new DomainError('NOT_FOUND', `tile ${level}/${index} has ${available} hashes in the published tree, not ${width}`, { field: 'tile' });
      const ids = tileNodes(level, index, width);
      return Buffer.concat(await this.hashes(stores, { nodes: ids, assemble: (hash) => ids.map(hash) }));
    });
  }

  private async indexOfCertificate(stores: Stores, number: string): Promise<number> {
    const certificate = (await stores.certificates.findByNumber(number, 1)) ?? (await stores.certificates.findClaimCertificate(number));
    if (!certificate) throw new DomainError('NOT_FOUND', `certificate ${number} does not exist`, { field: 'certificate' });
    const index = await publishedLogIndex(stores, certificate.createdSeq);
    if (index === null) throw new DomainError('NOT_FOUND', `certificate ${number} is not in a published checkpoint yet (the merge delay is 1 s)`, { field: 'certificate' });
    return index;
  }

  private async latestCheckpoint(): Promise<CheckpointRecord> {
    const latest = await this.uow.read(({ log }) => log.latestCheckpoint());
    if (!latest) throw new DomainError('SERVICE_UNAVAILABLE', 'the log has no checkpoint yet: the sequencer signs the first one at start-up');
    return latest;
  }

  private async hashes<T>(stores: Stores, plan: HashPlan<T>): Promise<T> {
    const found = await stores.log.nodes(plan.nodes);
    return plan.assemble((id: NodeId) => {
      const hash = found.get(nodeKey(id));
      if (!hash) throw new Error(`the log's node ${nodeKey(id)} is missing`);
      return hash;
    });
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { errors: [{ field, message }] });
}
