import { useState } from 'react';

import { toProblem } from './problem';
import type { Page, Problem } from './types';
import { useResource } from './useResource';

export interface PagedList<T> {
  items: T[];
  /** True while the first page for the current key is loading. */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  problem: Problem | undefined;
  loadMore: () => void;
  reload: () => void;
}

interface MorePages<T> {
  /** The first page these pages continue; pages of an older first page are dropped. */
  after: Page<T>;
  items: T[];
  next: string | null;
  loading: boolean;
  problem?: Problem;
}

/** A cursor-paginated list: the first page loads with the key, later pages are appended by `loadMore`. */
export function usePagedList<T>(
  key: string,
  loadPage: (cursor: string | undefined, signal?: AbortSignal) => Promise<Page<T>>,
): PagedList<T> {
  const first = useResource(key, (signal) => loadPage(undefined, signal));
  const [more, setMore] = useState<MorePages<T>>();

  const firstPage = first.data;
  const current = firstPage && more?.after === firstPage ? more : undefined;
  const next = current ? current.next : (firstPage?.next ?? null);

  const loadMore = () => {
    if (!firstPage || next === null || current?.loading) {
      return;
    }
    const sameFirstPage = (pages: MorePages<T> | undefined): pages is MorePages<T> => pages?.after === firstPage;
    setMore({ after: firstPage, items: current?.items ?? [], next, loading: true });
    loadPage(next).then(
      (page) => {
        setMore((pages) =>
          sameFirstPage(pages)
            ? { ...pages, items: [...pages.items, ...page.items], next: page.next, loading: false }
            : pages,
        );
      },
      (error: unknown) => {
        setMore((pages) => (sameFirstPage(pages) ? { ...pages, loading: false, problem: toProblem(error) } : pages));
      },
    );
  };

  return {
    items: firstPage ? [...firstPage.items, ...(current?.items ?? [])] : [],
    loading: first.loading && !firstPage,
    loadingMore: current?.loading ?? false,
    hasMore: next !== null,
    problem: first.problem ?? current?.problem,
    loadMore,
    reload: first.reload,
  };
}
