import { Page, PageSidebar, PageSidebarBody, SkipToContent } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { Outlet, useMatch } from 'react-router';

import { useCurrentUser } from '../auth/currentUser';
import { AppMasthead } from './AppMasthead';
import { AppNav } from './AppNav';
import { PATHS } from './paths';

const MAIN_ID = 'main-content';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // The tenant in the URL wins; a tenant user outside tenant pages still gets their own tenant's navigation.
  const tenantMatch = useMatch(`${PATHS.overview}/*`);
  const tenantId = tenantMatch?.params.tenantId ?? user.tenantId ?? undefined;

  return (
    <Page
      isManagedSidebar
      masthead={<AppMasthead tenantId={tenantId} />}
      sidebar={
        <PageSidebar>
          <PageSidebarBody>
            <AppNav tenantId={tenantId} />
          </PageSidebarBody>
        </PageSidebar>
      }
      skipToContent={<SkipToContent href={`#${MAIN_ID}`}>{t('app.skipToContent')}</SkipToContent>}
      mainContainerId={MAIN_ID}
      mainAriaLabel={t('app.mainContent')}
    >
      <Outlet />
    </Page>
  );
}
