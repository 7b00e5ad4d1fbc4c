import { Alert, AlertActionLink, List, ListItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

import { describeProblem } from '../api/problem';
import type { FieldError, Problem } from '../api/types';

interface ProblemAlertProps {
  problem: Problem;
  /** Overrides the alert's heading, e.g. to say which action failed; the service's title then becomes the detail. */
  title?: string;
  /** Field errors the page cannot show next to a field. */
  fieldErrors?: FieldError[];
  onRetry?: () => void;
  isInline?: boolean;
}

export function ProblemAlert({ problem, title, fieldErrors = [], onRetry, isInline = true }: ProblemAlertProps) {
  const { t } = useTranslation();
  const content = describeProblem(problem, t);
  const heading = title ?? content.title;
  const detail = title === undefined ? content.detail : [content.title, content.detail].filter(Boolean).join(': ');

  return (
    <Alert
      variant={content.variant}
      isInline={isInline}
      title={heading}
      data-testid="problem-alert"
      actionLinks={onRetry && <AlertActionLink onClick={onRetry}>{t('common.retry')}</AlertActionLink>}
    >
      {detail && <p>{detail}</p>}
      {fieldErrors.length > 0 && (
        <List>
          {fieldErrors.map((error) => (
            <ListItem key={`${error.field}:${error.message}`}>
              {error.field}: {error.message}
            </ListItem>
          ))}
        </List>
      )}
    </Alert>
  );
}
