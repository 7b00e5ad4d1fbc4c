import { Button, Content, Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';
import ExchangeAltIcon from '@patternfly/react-icons/dist/esm/icons/exchange-alt-icon';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';

import { usePagedList } from '../../api/usePagedList';
import { useResource } from '../../api/useResource';
import { portingNewPath } from '../../app/paths';
import { useCurrentUser } from '../../auth/currentUser';
import { hasAnyRole } from '../../auth/roles';
import { LoadingState } from '../../components/LoadingState';
import { MessageState } from '../../components/MessageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countPortingRequests, isPortingState, listPortingRequests, PORTING_STATES } from './api';
import { PortingRequestTable } from './PortingRequestTable';
import { PortingStateFilter } from './PortingStateFilter';
import { PORTING_EDITORS } from './roles';

const PAGE_SIZE = 50;

/** A tenant's porting requests, filtered by state (kept in the URL), with a way to start a new one. */
export function PortingRequestsPage() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const stateParam = searchParams.get('state');
  const state = isPortingState(stateParam) ? stateParam : undefined;

  const counts = useResource(`porting-counts:${tenantId}`, (signal) => countPortingRequests(tenantId, signal));
  const requests = usePagedList(JSON.stringify(['porting', tenantId, state]), (cursor, signal) =>
    listPortingRequests(tenantId, state, PAGE_SIZE, cursor, signal),
  );
  const mayCreate = hasAnyRole(user.roles, PORTING_EDITORS);

  const createButton = mayCreate && (
    <Button
      variant="primary"
      icon={<PlusCircleIcon />}
      onClick={() => {
        void navigate(portingNewPath(tenantId));
      }}
      data-testid="porting-create"
    >
      {t('porting.create')}
    </Button>
  );

  let body;
  if (requests.problem && requests.items.length === 0) {
    body = <ProblemAlert problem={requests.problem} onRetry={requests.reload} />;
  } else if (requests.loading) {
    body = <LoadingState />;
  } else if (requests.items.length === 0) {
    body = (
      <MessageState
        title={state ? t('porting.noMatchTitle') : t('porting.emptyTitle')}
        body={state ? t('porting.noMatchBody', { state: t(`portingState.${state}`) }) : t('porting.emptyBody')}
        icon={ExchangeAltIcon}
        testId="porting-empty"
      />
    );
  } else {
    body = (
      <>
        <PortingRequestTable requests={requests.items} ariaLabel={t('porting.tableLabel')} testId="porting-table" />
        {requests.problem && <ProblemAlert problem={requests.problem} onRetry={requests.loadMore} />}
        {requests.hasMore && (
          <div className="pf-v6-u-mt-md">
            <Button
              variant="secondary"
              onClick={requests.loadMore}
              isLoading={requests.loadingMore}
              isDisabled={requests.loadingMore}
              data-testid="porting-load-more"
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
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <Title headingLevel="h1">{t('porting.title')}</Title>
          <Content component="p">{t('porting.subtitle', { tenantId })}</Content>
        </FlexItem>
        {createButton && <FlexItem>{createButton}</FlexItem>}
      </Flex>
      {counts.problem && <ProblemAlert problem={counts.problem} title={t('porting.countsFailed')} />}
      <PortingStateFilter
        states={PORTING_STATES}
        selected={state}
        counts={counts.data}
        allLabel={t('porting.allStates')}
        allCount={counts.data?.total}
        onSelect={(next) => {
          setSearchParams(next ? new URLSearchParams({ state: next }) : new URLSearchParams());
        }}
      />
      {body}
    </PageSection>
  );
}
