import { Bullseye, Button, EmptyState, EmptyStateBody, EmptyStateFooter } from '@patternfly/react-core';
import UserIcon from '@patternfly/react-icons/dist/esm/icons/user-icon';
import { useTranslation } from 'react-i18next';

import { signInUrl } from './currentUser';

export function SignInPage() {
  const { t } = useTranslation();

  // A full page load, not a router navigation: sign-in runs through the identity provider's pages.
  const signIn = () => {
    window.location.assign(signInUrl(window.location));
  };

  return (
    <Bullseye style={{ minHeight: '100vh' }}>
      <EmptyState titleText={t('signIn.title')} headingLevel="h1" icon={UserIcon}>
        <EmptyStateBody>{t('signIn.body')}</EmptyStateBody>
        <EmptyStateFooter>
          <Button variant="primary" onClick={signIn} data-testid="sign-in">
            {t('signIn.button')}
          </Button>
        </EmptyStateFooter>
      </EmptyState>
    </Bullseye>
  );
}
