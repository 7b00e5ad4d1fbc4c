import { MenuToggle, Select, SelectList, SelectOption, type MenuToggleElement } from '@patternfly/react-core';
import BuildingIcon from '@patternfly/react-icons/dist/esm/icons/building-icon';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { describeProblem } from '../api/problem';
import { usePagedList } from '../api/usePagedList';
import { listTenants } from '../features/tenants/api';
import { overviewPath } from './paths';

const PAGE_SIZE = 50;
const LOAD_MORE = Symbol('load more tenants');

/** Lets a platform user switch tenants; picking one opens that tenant's overview. */
export function TenantPicker({ currentTenantId }: { currentTenantId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const tenants = usePagedList('tenant-picker', (cursor, signal) => listTenants(PAGE_SIZE, cursor, signal));

  const current = tenants.items.find((tenant) => tenant.id === currentTenantId);
  const toggleText = current?.name ?? currentTenantId ?? t('tenantPicker.placeholder');

  const toggle = (toggleRef: Ref<MenuToggleElement>) => (
    <MenuToggle
      ref={toggleRef}
      isExpanded={isOpen}
      icon={<BuildingIcon />}
      aria-label={t('tenantPicker.label')}
      data-testid="tenant-picker"
      onClick={() => {
        // Tenants are created while people work, so the list is fetched again each time it opens.
        if (!isOpen) {
          tenants.reload();
        }
        setIsOpen(!isOpen);
      }}
    >
      {toggleText}
    </MenuToggle>
  );

  let status;
  if (tenants.problem) {
    status = describeProblem(tenants.problem, t).title;
  } else if (tenants.loading) {
    status = t('app.loading');
  } else if (tenants.items.length === 0) {
    status = t('tenantPicker.empty');
  }

  return (
    <Select
      isOpen={isOpen}
      selected={currentTenantId}
      toggle={toggle}
      shouldFocusToggleOnSelect
      isScrollable
      onOpenChange={setIsOpen}
      onSelect={(_event, value) => {
        if (value === LOAD_MORE) {
          tenants.loadMore();
          return;
        }
        setIsOpen(false);
        if (typeof value === 'string') {
          void navigate(overviewPath(value));
        }
      }}
    >
      <SelectList aria-label={t('tenantPicker.label')}>
        {tenants.items.map((tenant) => (
          <SelectOption key={tenant.id} value={tenant.id} description={tenant.id} data-testid="tenant-picker-option">
            {tenant.name}
          </SelectOption>
        ))}
        {status && <SelectOption isDisabled>{status}</SelectOption>}
        {tenants.hasMore && (
          <SelectOption value={LOAD_MORE} isLoadButton isLoading={tenants.loadingMore}>
            {t('tenantPicker.loadMore')}
          </SelectOption>
        )}
      </SelectList>
    </Select>
  );
}
