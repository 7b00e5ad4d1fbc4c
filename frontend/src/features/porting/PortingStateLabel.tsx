import { Label, type LabelProps } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

import type { PortingState } from '../../api/types';

// Waiting on the tenant stands out; finished requests read as done; everything in between is in progress.
const COLORS: Record<PortingState, LabelProps['color']> = {
  DRAFT: 'grey',
  SUBMITTED: 'blue',
  IN_VERIFICATION: 'blue',
  ACTION_REQUIRED: 'orange',
  SUBMITTED_TO_GAINING_CARRIER: 'purple',
  SUBMITTED_TO_LOSING_CARRIER: 'purple',
  FOC_CONFIRMED: 'teal',
  COMPLETED: 'green',
  PARTIALLY_COMPLETED: 'yellow',
  CANCELLED: 'red',
};

export function PortingStateLabel({ state, testId }: { state: PortingState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Label color={COLORS[state]} data-testid={testId} data-state={state}>
      {t(`portingState.${state}`)}
    </Label>
  );
}
