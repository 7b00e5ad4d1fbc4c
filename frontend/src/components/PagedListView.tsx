import { Button } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { PagedList } from '../api/usePagedList';
import { LoadingState } from './LoadingState';
import { ProblemAlert } from './ProblemAlert';

interface PagedListViewProps<T> {
  list: PagedList<T>;
  /** Shown when the first page came back empty. */
  empty: ReactNode;
  /** The items, usually a table; shown once there are any. */
  children: ReactNode;
  loadMoreTestId?: string;
}

/**
 * Every paged list of the dashboard goes through the same states: a problem before anything arrived (with a retry),
 * loading, empty, or the items followed by a problem with a later page and the button that loads the next one.
 */
export function PagedListView<T>({ list, empty, children, loadMoreTestId }: PagedListViewProps<T>) {
  const { t } = useTranslation();
  if (list.problem && list.items.length === 0) {
    return <ProblemAlert problem={list.problem} onRetry={list.reload} />;
  }
  if (list.loading) {
    return <LoadingState />;
  }
  if (list.items.length === 0) {
    return <>{empty}</>;
  }
  return (
    <>
      {children}
      {list.problem && <ProblemAlert problem={list.problem} onRetry={list.loadMore} />}
      {list.hasMore && (
        <div className="pf-v6-u-mt-md">
          <Button
            variant="secondary"
            onClick={list.loadMore}
            isLoading={list.loadingMore}
            isDisabled={list.loadingMore}
            data-testid={loadMoreTestId}
          >
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
