import { PageSection } from '@patternfly/react-core';
import CubesIcon from '@patternfly/react-icons/dist/esm/icons/cubes-icon';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';

import { useResource } from '../api/useResource';
import { useCurrentUser } from '../auth/currentUser';
import { LoadingState } from '../components/LoadingState';
import { MessageState } from '../components/MessageState';
import { ProblemAlert } from '../components/ProblemAlert';
import { listTenants } from '../features/tenants/api';
import { routes } from '../routes';
import { canOpen } from './navigation';
import { overviewPath, PATHS } from './paths';

/** The start page: a tenant user lands on their tenant, a platform user on the first tenant. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const user = useCurrentUser();

  if (user.platform) {
    return <PlatformHome />;
  }
  if (user.tenantId) {
    return <Navigate replace to={overviewPath(user.tenantId)} />;
  }
  return <MessageState title={t('home.noTenantTitle')} body={t('home.noTenantBody')} icon={CubesIcon} />;
}

function PlatformHome() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const first = useResource('home:first-tenant', (signal) => listTenants(1, undefined, signal));

  if (first.problem) {
    return (
      <PageSection>
        <ProblemAlert problem={first.problem} onRetry={first.reload} />
      </PageSection>
    );
  }
  if (!first.data) {
    return <LoadingState />;
  }
  const [tenant] = first.data.items;
  if (tenant) {
    return <Navigate replace to={overviewPath(tenant.id)} />;
  }
  // With no tenant yet, whoever may create one goes where that happens.
  const tenantsRoute = routes.find((route) => route.path === PATHS.tenants);
  if (tenantsRoute && canOpen(tenantsRoute, user.roles)) {
    return <Navigate replace to={PATHS.tenants} />;
  }
  return <MessageState title={t('home.noTenantsTitle')} body={t('home.noTenantsBody')} icon={CubesIcon} />;
}
