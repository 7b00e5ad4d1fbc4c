import { Button, Content, Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';
import CubesIcon from '@patternfly/react-icons/dist/esm/icons/cubes-icon';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { usePagedList } from '../../api/usePagedList';
import { overviewPath } from '../../app/paths';
import { DateTime } from '../../components/DateTime';
import { MessageState } from '../../components/MessageState';
import { PagedListView } from '../../components/PagedListView';
import { listTenants } from './api';
import { CreateTenantModal } from './CreateTenantModal';
import { TenantStatusLabel } from './TenantStatusLabel';

const PAGE_SIZE = 50;

export function TenantsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const tenants = usePagedList('tenants', (cursor, signal) => listTenants(PAGE_SIZE, cursor, signal));

  const openCreate = () => {
    setCreating(true);
  };
  const createButton = (
    <Button variant="primary" icon={<PlusCircleIcon />} onClick={openCreate} data-testid="create-tenant">
      {t('tenants.create')}
    </Button>
  );

  const body = (
    <PagedListView
      list={tenants}
      empty={
        <MessageState
          title={t('tenants.emptyTitle')}
          body={t('tenants.emptyBody')}
          icon={CubesIcon}
          actions={createButton}
          testId="tenants-empty"
        />
      }
    >
      <Table aria-label={t('tenants.tableLabel')} data-testid="tenants-table" variant="compact">
        <Thead>
          <Tr>
            <Th>{t('tenants.columns.name')}</Th>
            <Th>{t('tenants.columns.id')}</Th>
            <Th>{t('tenants.columns.status')}</Th>
            <Th>{t('tenants.columns.createdAt')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {tenants.items.map((tenant) => (
            <Tr key={tenant.id} data-testid="tenant-row">
              <Td dataLabel={t('tenants.columns.name')}>
                <Link to={overviewPath(tenant.id)}>{tenant.name}</Link>
              </Td>
              <Td dataLabel={t('tenants.columns.id')}>
                <code>{tenant.id}</code>
              </Td>
              <Td dataLabel={t('tenants.columns.status')}>
                <TenantStatusLabel status={tenant.status} />
              </Td>
              <Td dataLabel={t('tenants.columns.createdAt')}>
                <DateTime value={tenant.createdAt} />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </PagedListView>
  );

  return (
    <PageSection>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <Title headingLevel="h1">{t('tenants.title')}</Title>
          <Content component="p">{t('tenants.subtitle')}</Content>
        </FlexItem>
        <FlexItem>{createButton}</FlexItem>
      </Flex>
      {body}
      {creating && (
        <CreateTenantModal
          onClose={() => {
            setCreating(false);
          }}
          onCreated={(tenant) => {
            setCreating(false);
            void navigate(overviewPath(tenant.id));
          }}
        />
      )}
    </PageSection>
  );
}
