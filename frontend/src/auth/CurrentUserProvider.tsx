import { Bullseye, PageSection } from '@patternfly/react-core';
import { useEffect, useState, type ReactNode } from 'react';

import { api, isNotSignedIn, onSignedOut, unwrap } from '../api/client';
import { useResource } from '../api/useResource';
import { LoadingState } from '../components/LoadingState';
import { ProblemAlert } from '../components/ProblemAlert';
import { CurrentUserContext, toCurrentUser } from './currentUser';
import { SignInPage } from './SignInPage';

async function loadCurrentUser(signal: AbortSignal) {
  return toCurrentUser(await unwrap(api.GET('/api/v1/me', { signal })));
}

/**
 * Renders its children only for a signed-in user. Any API call that finds the session gone, here or later on any
 * page, replaces the dashboard with the sign-in page.
 */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const me = useResource('me', loadCurrentUser);
  const [sessionLost, setSessionLost] = useState(false);

  useEffect(
    () =>
      onSignedOut(() => {
        setSessionLost(true);
      }),
    [],
  );

  const notSignedIn = me.problem !== undefined && isNotSignedIn(me.problem.status);
  if (sessionLost || notSignedIn) {
    return <SignInPage />;
  }
  if (me.problem) {
    return (
      <PageSection>
        <ProblemAlert problem={me.problem} onRetry={me.reload} />
      </PageSection>
    );
  }
  if (!me.data) {
    return (
      <Bullseye style={{ minHeight: '100vh' }}>
        <LoadingState />
      </Bullseye>
    );
  }
  return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
}
