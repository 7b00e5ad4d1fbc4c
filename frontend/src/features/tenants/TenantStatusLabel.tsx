import { Label } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

import type { TenantStatus } from '../../api/types';

export function TenantStatusLabel({ status, testId }: { status: TenantStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Label status={status === 'ACTIVE' ? 'success' : 'warning'} data-testid={testId}>
      {t(`tenantStatus.${status}`)}
    </Label>
  );
}
