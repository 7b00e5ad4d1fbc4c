import { EmptyState, EmptyStateBody, EmptyStateFooter, type EmptyStateProps } from '@patternfly/react-core';
import type { ReactNode } from 'react';

interface MessageStateProps {
  title: string;
  body: string;
  icon?: EmptyStateProps['icon'];
  status?: EmptyStateProps['status'];
  actions?: ReactNode;
  testId?: string;
}

/** The dashboard's empty, forbidden and not-found states all read the same way: a heading, a sentence, an action. */
export function MessageState({ title, body, icon, status, actions, testId }: MessageStateProps) {
  return (
    <EmptyState titleText={title} headingLevel="h2" icon={icon} status={status} data-testid={testId}>
      <EmptyStateBody>{body}</EmptyStateBody>
      {actions && <EmptyStateFooter>{actions}</EmptyStateFooter>}
    </EmptyState>
  );
}
