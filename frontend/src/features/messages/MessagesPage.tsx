import { Content, PageSection, Title } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { useHasAnyRole } from '../../auth/currentUser';
import { MessageLog } from './MessageLog';
import { MESSAGE_SENDERS } from './roles';
import { SendMessageForm } from './SendMessageForm';

/** Send a test message through Plivo and follow the tenant's messages as Plivo reports their status. */
export function MessagesPage() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const canSend = useHasAnyRole(MESSAGE_SENDERS);
  const [refresh, setRefresh] = useState(0);

  return (
    <PageSection>
      <Title headingLevel="h1">{t('messages.title')}</Title>
      <Content component="p">{t('messages.subtitle', { tenantId })}</Content>
      {canSend && (
        <SendMessageForm
          tenantId={tenantId}
          onSent={() => {
            setRefresh((previous) => previous + 1);
          }}
        />
      )}
      <MessageLog tenantId={tenantId} refresh={refresh} />
    </PageSection>
  );
}
