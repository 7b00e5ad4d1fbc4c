import type { ReactElement } from 'react';

import { PATHS } from './app/paths';
import type { Role } from './auth/roles';
import { NUMBER_READERS, SUBACCOUNT_READERS } from './auth/permissions';
import { ANY_ROLE } from './auth/roles';
import { AuditLogPage } from './features/audit/AuditLogPage';
import { GeoPermissionsPage } from './features/geo/GeoPermissionsPage';
import { GEO_READERS } from './features/geo/roles';
import { MessagesPage } from './features/messages/MessagesPage';
import { MESSAGE_READERS } from './features/messages/roles';
import { NumberDetailPage } from './features/numbers/NumberDetailPage';
import { NumbersPage } from './features/numbers/NumbersPage';
import { OverviewPage } from './features/overview/OverviewPage';
import { CreatePortingRequestPage } from './features/porting/CreatePortingRequestPage';
import { PortingDeskPage } from './features/porting/PortingDeskPage';
import { PortingRequestPage } from './features/porting/PortingRequestPage';
import { PortingRequestsPage } from './features/porting/PortingRequestsPage';
import { PORTING_DESK, PORTING_EDITORS, PORTING_READERS } from './features/porting/roles';
import { SENDER_ID_READERS } from './features/senderids/roles';
import { SenderIdsPage } from './features/senderids/SenderIdsPage';
import { SubaccountsPage } from './features/subaccounts/SubaccountsPage';
import { TenantsPage } from './features/tenants/TenantsPage';
import { WebhookEndpointsPage } from './features/webhooks/WebhookEndpointsPage';
import type en from './i18n/en.json';

export type PageTitleKey = `pages.${keyof typeof en.pages}`;

/**
 * Where the sidebar lists a page. Tenant pages have `:tenantId` in their path and appear once a tenant is chosen;
 * platform pages work across tenants. A page without a section is reached through links only.
 */
export type NavSection = 'tenant' | 'platform';

export interface AppRoute {
  path: string;
  titleKey: PageTitleKey;
  element: ReactElement;
  /** The user needs at least one of these. The service checks again; this only keeps people out of dead ends. */
  roles: readonly Role[];
  nav?: NavSection;
}

/** Every page of the dashboard. A new feature adds its folder under features/ and one entry here. */
export const routes: readonly AppRoute[] = [
  { path: PATHS.overview, titleKey: 'pages.overview', element: <OverviewPage />, roles: ANY_ROLE, nav: 'tenant' },
  { path: PATHS.numbers, titleKey: 'pages.numbers', element: <NumbersPage />, roles: NUMBER_READERS, nav: 'tenant' },
  { path: PATHS.number, titleKey: 'pages.number', element: <NumberDetailPage />, roles: NUMBER_READERS },
  {
    path: PATHS.subaccounts,
    titleKey: 'pages.subaccounts',
    element: <SubaccountsPage />,
    roles: SUBACCOUNT_READERS,
    nav: 'tenant',
  },
  {
    path: PATHS.porting,
    titleKey: 'pages.porting',
    element: <PortingRequestsPage />,
    roles: PORTING_READERS,
    nav: 'tenant',
  },
  {
    path: PATHS.portingNew,
    titleKey: 'pages.portingNew',
    element: <CreatePortingRequestPage />,
    roles: PORTING_EDITORS,
  },
  {
    path: PATHS.portingRequest,
    titleKey: 'pages.portingRequest',
    element: <PortingRequestPage />,
    roles: PORTING_READERS,
  },
  {
    path: PATHS.messages,
    titleKey: 'pages.messages',
    element: <MessagesPage />,
    roles: MESSAGE_READERS,
    nav: 'tenant',
  },
  {
    path: PATHS.geoPermissions,
    titleKey: 'pages.geoPermissions',
    element: <GeoPermissionsPage />,
    roles: GEO_READERS,
    nav: 'tenant',
  },
  {
    path: PATHS.senderIds,
    titleKey: 'pages.senderIds',
    element: <SenderIdsPage />,
    roles: SENDER_ID_READERS,
    nav: 'tenant',
  },
  {
    path: PATHS.webhooks,
    titleKey: 'pages.webhooks',
    element: <WebhookEndpointsPage />,
    roles: ['tenant-admin'],
    nav: 'tenant',
  },
  { path: PATHS.audit, titleKey: 'pages.audit', element: <AuditLogPage />, roles: ANY_ROLE, nav: 'tenant' },
  {
    path: PATHS.tenants,
    titleKey: 'pages.tenants',
    element: <TenantsPage />,
    roles: ['platform-admin'],
    nav: 'platform',
  },
  {
    path: PATHS.portingDesk,
    titleKey: 'pages.portingDesk',
    element: <PortingDeskPage />,
    roles: PORTING_DESK,
    nav: 'platform',
  },
];
