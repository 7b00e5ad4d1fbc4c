import SearchIcon from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { MessageState } from '../components/MessageState';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('app.documentTitle', { page: t('errors.notFoundTitle') })}</title>
      <MessageState
        title={t('errors.notFoundTitle')}
        body={t('errors.notFoundBody')}
        icon={SearchIcon}
        testId="not-found"
        actions={<Link to="/">{t('errors.goHome')}</Link>}
      />
    </>
  );
}
