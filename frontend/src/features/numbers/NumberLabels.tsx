import { Label, LabelGroup, type LabelProps } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

import type { Capabilities, NumberState } from '../../api/types';
import { CAPABILITIES } from './api';

// Done and live states read as success, work in progress as info; nothing in a number's life is an error state.
const STATE_STATUS: Record<NumberState, LabelProps['status'] | undefined> = {
  DISCOVERED: undefined,
  PLANNED: 'info',
  PORTING: 'info',
  ON_PLIVO: 'success',
  VERIFIED: 'success',
  RELEASED_FROM_TWILIO: 'success',
};

export function NumberStateLabel({ state, testId }: { state: NumberState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Label status={STATE_STATUS[state]} isCompact data-testid={testId} data-state={state}>
      {t(`numberState.${state}`)}
    </Label>
  );
}

export function CapabilityLabels({ capabilities }: { capabilities: Capabilities }) {
  const { t } = useTranslation();
  const held = CAPABILITIES.filter((capability) => capabilities[capability]);
  if (held.length === 0) {
    return <>{t('common.none')}</>;
  }
  return (
    <LabelGroup isCompact>
      {held.map((capability) => (
        <Label key={capability} isCompact variant="outline">
          {t(`capability.${capability}`)}
        </Label>
      ))}
    </LabelGroup>
  );
}

export function TagLabels({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) {
    return <>—</>;
  }
  return (
    <LabelGroup isCompact numLabels={4}>
      {tags.map((tag) => (
        <Label key={tag} isCompact color="blue">
          {tag}
        </Label>
      ))}
    </LabelGroup>
  );
}
