import { Button, Content, PageSection, Title } from '@patternfly/react-core';
import CheckCircleIcon from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { usePagedList } from '../../api/usePagedList';
import { useResource } from '../../api/useResource';
import { LoadingState } from '../../components/LoadingState';
import { MessageState } from '../../components/MessageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countDeskQueue, DESK_STATES, isPortingState, listDeskQueue, PORTING_STATES } from './api';
import { PortingRequestTable } from './PortingRequestTable';
import { PortingStateFilter } from './PortingStateFilter';

const PAGE_SIZE = 50;

/** The porting desk's queue across tenants, what is due first; opening a request leads to its moves. */
export function PortingDeskPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const stateParam = searchParams.get('state');
  const state = isPortingState(stateParam) ? stateParam : undefined;

  const counts = useResource('porting-desk-counts', (signal) => countDeskQueue(signal));
  const queue = usePagedList(JSON.stringify(['porting-desk', state]), (cursor, signal) =>
    listDeskQueue(state, PAGE_SIZE, cursor, signal),
  );
  const deskTotal = counts.data && DESK_STATES.reduce((sum, s) => sum + (counts.data?.byState[s] ?? 0), 0);

  let body;
  if (queue.problem && queue.items.length === 0) {
    body = <ProblemAlert problem={queue.problem} onRetry={queue.reload} />;
  } else if (queue.loading) {
    body = <LoadingState />;
  } else if (queue.items.length === 0) {
    body = (
      <MessageState
        title={t('portingDesk.emptyTitle')}
        body={t('portingDesk.emptyBody')}
        icon={CheckCircleIcon}
        testId="porting-desk-empty"
      />
    );
  } else {
    body = (
      <>
        <PortingRequestTable
          requests={queue.items}
          ariaLabel={t('portingDesk.tableLabel')}
          testId="porting-desk-table"
          showTenant
        />
        {queue.problem && <ProblemAlert problem={queue.problem} onRetry={queue.loadMore} />}
        {queue.hasMore && (
          <div className="pf-v6-u-mt-md">
            <Button
              variant="secondary"
              onClick={queue.loadMore}
              isLoading={queue.loadingMore}
              isDisabled={queue.loadingMore}
            >
              {t('common.loadMore')}
            </Button>
          </div>
        )}
      </>
    );
  }

  return (
    <PageSection>
      <Title headingLevel="h1">{t('portingDesk.title')}</Title>
      <Content component="p">{t('portingDesk.subtitle')}</Content>
      {counts.problem && <ProblemAlert problem={counts.problem} title={t('porting.countsFailed')} />}
      <PortingStateFilter
        states={PORTING_STATES}
        selected={state}
        counts={counts.data}
        allLabel={t('portingDesk.waitingOnDesk')}
        allCount={deskTotal}
        onSelect={(next) => {
          setSearchParams(next ? new URLSearchParams({ state: next }) : new URLSearchParams());
        }}
      />
      {body}
    </PageSection>
  );
}
