import { Nav, NavGroup, NavItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { generatePath, Link, matchPath, useLocation } from 'react-router';

import { useCurrentUser } from '../auth/currentUser';
import { routes, type AppRoute } from '../routes';
import { navRoutes } from './navigation';

/** The sidebar: the chosen tenant's pages, then the platform pages, each filtered by the user's roles. */
export function AppNav({ tenantId }: { tenantId: string | undefined }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();

  const item = (route: AppRoute, params: Record<string, string>) => (
    <NavItem key={route.path} isActive={matchPath(route.path, pathname) !== null}>
      <Link to={generatePath(route.path, params)}>{t(route.titleKey)}</Link>
    </NavItem>
  );
  const tenantRoutes = tenantId === undefined ? [] : navRoutes(routes, user.roles, 'tenant');
  const platformRoutes = navRoutes(routes, user.roles, 'platform');

  return (
    <Nav aria-label={t('nav.label')}>
      {tenantId !== undefined && tenantRoutes.length > 0 && (
        <NavGroup title={t('nav.tenantSection', { tenantId })}>
          {tenantRoutes.map((route) => item(route, { tenantId }))}
        </NavGroup>
      )}
      {platformRoutes.length > 0 && (
        <NavGroup title={t('nav.platformSection')}>{platformRoutes.map((route) => item(route, {}))}</NavGroup>
      )}
    </Nav>
  );
}
