import { Card, CardBody, CardTitle, ProgressStep, ProgressStepper } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

import type { PortingHistoryEntry } from '../../api/types';
import type { Resource } from '../../api/useResource';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Every state change of a request, oldest first: who moved it, in which role, why, and the FOC date it set. */
export function PortingTimeline({ history }: { history: Resource<PortingHistoryEntry[]> }) {
  const { t } = useTranslation();

  let body;
  if (history.problem) {
    body = <ProblemAlert problem={history.problem} onRetry={history.reload} />;
  } else if (!history.data) {
    body = <LoadingState />;
  } else if (history.data.length === 0) {
    body = <p data-testid="porting-history-empty">{t('portingTimeline.empty')}</p>;
  } else {
    body = (
      <ProgressStepper isVertical aria-label={t('portingTimeline.title')} data-testid="porting-history">
        {history.data.map((entry) => (
          <TimelineEntry key={entry.id} entry={entry} />
        ))}
      </ProgressStepper>
    );
  }

  return (
    <Card>
      <CardTitle>{t('portingTimeline.title')}</CardTitle>
      <CardBody>{body}</CardBody>
    </Card>
  );
}

function TimelineEntry({ entry }: { entry: PortingHistoryEntry }) {
  const { t } = useTranslation();
  const bad = entry.to === 'ACTION_REQUIRED' || entry.to === 'CANCELLED';
  return (
    <ProgressStep
      variant={bad ? 'warning' : 'success'}
      id={`porting-history-${entry.id}`}
      titleId={`porting-history-${entry.id}-title`}
      aria-label={t(`portingState.${entry.to}`)}
      description={
        <>
          <div>
            {t('portingTimeline.by', { actor: entry.actor, role: entry.role })}, <DateTime value={entry.occurredAt} />
          </div>
          {entry.reason && <div>{t('portingTimeline.reason', { reason: entry.reason })}</div>}
          {entry.focDate && (
            <div>
              {t('portingTimeline.foc')} <DateTime value={entry.focDate} />
              {entry.previousFocDate && (
                <>
                  {' '}
                  ({t('portingTimeline.previousFoc')} <DateTime value={entry.previousFocDate} />)
                </>
              )}
            </div>
          )}
        </>
      }
      data-testid="porting-history-entry"
      data-to={entry.to}
    >
      {t('portingTimeline.move', { from: t(`portingState.${entry.from}`), to: t(`portingState.${entry.to}`) })}
    </ProgressStep>
  );
}
