import type { Scheme } from '@registry/domain';
import type { PageContext } from '../http/page-context';
import { Layout } from './layout';
import { TableHead } from './table-head';

export function SchemesPage({ page, schemes }: { page: PageContext; schemes: readonly Scheme[] }): string {
  const { t, lang } = page;
  const s = t.schemes;
  return (
    <Layout page={page} title={s.title} nav="schemes">
      <h1 safe>{s.title}</h1>
      <p class="lead" safe>
        {s.lead}
      </p>
      <table class="stack schemes">
        <caption safe>{s.caption}</caption>
        <TableHead columns={[s.code, s.name, s.unit, s.registry]} />
        <tbody>
          {schemes.map((scheme) => (
            <tr>
              <td data-label={s.code} class="mono">
                {scheme.code}
              </td>
              <td data-label={s.name} safe>
                {lang === 'ja' ? scheme.nameJa : scheme.nameEn}
              </td>
              <td data-label={s.unit}>
                {scheme.unit}
              </td>
              <td data-label={s.registry} safe>
                {scheme.registry}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  ) as string;
}
