import ExclamationTriangleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import { useTranslation } from 'react-i18next';

import { useCurrentUser } from '../auth/currentUser';
import { MessageState } from '../components/MessageState';
import type { AppRoute } from '../routes';
import { canOpen } from './navigation';

/** Wraps every page of the route table: sets the window title and refuses users whose roles do not fit. */
export function RoutePage({ route }: { route: AppRoute }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const title = <title>{t('app.documentTitle', { page: t(route.titleKey) })}</title>;

  if (!canOpen(route, user.roles)) {
    return (
      <>
        {title}
        <MessageState
          title={t('errors.forbiddenTitle')}
          body={t('errors.forbiddenBody')}
          icon={ExclamationTriangleIcon}
          status="warning"
          testId="forbidden"
        />
      </>
    );
  }
  return (
    <>
      {title}
      {route.element}
    </>
  );
}
