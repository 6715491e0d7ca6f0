import { pageHref, type PageContext } from '../http/page-context';
import { Layout } from './layout';

export interface ErrorPageProps {
  page: PageContext;
  title: string;
  message: string;
  /** The domain's explanation of a refused request (in English, as the API gives it). */
  detail?: string;
  /** Shown for server errors, so a report can be matched to the log. */
  requestId?: string;
}

export function ErrorPage({ page, title, message, detail, requestId }: ErrorPageProps): string {
  return (
    <Layout page={page} title={title}>
      <h1 safe>{title}</h1>
      <p safe>{message}</p>
      {detail ? (
        <p class="note detail" lang="en" safe>
          {detail}
        </p>
      ) : (
        ''
      )}
      {requestId ? (
        <p class="mono request-id" safe>
          {requestId}
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={pageHref(page, '/')} safe>
          {page.t.errors.backHome}
        </a>
      </p>
    </Layout>
  ) as string;
}
