import { Bullseye, Spinner } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Bullseye className="pf-v6-u-p-xl">
      <Spinner aria-label={t('app.loading')} />
    </Bullseye>
  );
}
