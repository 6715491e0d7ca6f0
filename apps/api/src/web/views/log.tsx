import type { PageContext } from '../http/page-context';
import { groupDigits } from './components';
import { Layout } from './layout';

/** A C2SP signed note's checkpoint read for display: origin, size, root hash, then `— name signature` lines. */
export interface CheckpointView {
  origin: string;
  treeSize: string;
  rootHash: string;
  signatures: { name: string; signature: string }[];
  note: string;
}

export function readCheckpoint(note: string): CheckpointView {
  const [body, signatureBlock = ''] = note.split('\n\n');
  const [origin = '', treeSize = '', rootHash = ''] = body.split('\n');
  const signatures = signatureBlock
    .split('\n')
    .map((line) => /^\u2014 (\S+) (\S+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ name: match[1], signature: match[2] }));
  return { origin, treeSize, rootHash, signatures, note };
}

export function LogPage({ page, checkpoint }: { page: PageContext; checkpoint: CheckpointView }): string {
  const { t } = page;
  const l = t.log;
  return (
    <Layout page={page} title={l.title} nav="log">
      <h1 safe>{l.title}</h1>
      <p class="lead" safe>
        {l.lead}
      </p>
      <h2 id="checkpoint-h" safe>
        {l.checkpoint}
      </h2>
      <dl class="fields-list checkpoint">
        <dt safe>{l.origin}</dt>
        <dd class="mono origin" safe>
          {checkpoint.origin}
        </dd>
        <dt safe>{l.treeSize}</dt>
        <dd class="tree-size" safe>
          {/^\d+$/.test(checkpoint.treeSize) ? groupDigits(checkpoint.treeSize) : checkpoint.treeSize}
        </dd>
        <dt safe>{l.rootHash}</dt>
        <dd class="mono root-hash" safe>
          {checkpoint.rootHash}
        </dd>
        <dt safe>{l.signatures}</dt>
        <dd>
          <ul>
            {checkpoint.signatures.map((signature) => (
              <li class="mono" safe>
                {`${signature.name} ${signature.signature}`}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <h2 id="raw-h" safe>
        {l.raw}
      </h2>
      <pre class="note-text" aria-labelledby="raw-h" tabindex="0" safe>
        {checkpoint.note}
      </pre>
      <h2 safe>{l.links}</h2>
      <ul class="links">
        <li>
          <a href="/v1/log/checkpoint" type="text/plain" safe>
            {l.checkpointText}
          </a>
        </li>
        <li>
          <a href="/v1/log/keys" type="text/plain" safe>
            {l.keys}
          </a>
        </li>
        <li>
          <a href="/v1/certificate-keys" type="application/json" safe>
            {l.certificateKeys}
          </a>
        </li>
      </ul>
    </Layout>
  ) as string;
}
