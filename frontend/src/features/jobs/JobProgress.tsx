import {
  Alert,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  List,
  ListItem,
  Progress,
  ProgressMeasureLocation,
  ProgressVariant,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Job } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isFinished, useJob } from './useJob';

interface JobProgressProps {
  tenantId: string;
  /** The job as the call that started it answered. */
  job: Job;
  pollIntervalMs?: number;
  /** Called once, with the finished job. */
  onFinished?: (job: Job) => void;
}

// The counts an import's result carries; other members (accounts, disappeared numbers) stay in the job's JSON.
const RESULT_COUNTS = ['numbers', 'rows', 'created', 'updated', 'unchanged', 'disappearedCount'] as const;

/** A job's progress bar, then its outcome: what it did, or why it failed with each error it reported. */
export function JobProgress({ tenantId, job: started, pollIntervalMs, onFinished }: JobProgressProps) {
  const { t } = useTranslation();
  const { job, problem } = useJob(tenantId, started, pollIntervalMs);
  const finished = isFinished(job);

  const notifyFinished = useEffectEvent((finishedJob: Job) => {
    onFinished?.(finishedJob);
  });
  useEffect(() => {
    // Polling stops once the job finished, so this runs once for it.
    if (finished) {
      notifyFinished(job);
    }
  }, [finished, job]);

  const { done, total } = job.progress;
  let value = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  let variant: ProgressVariant | undefined;
  if (job.state === 'SUCCEEDED') {
    value = 100;
    variant = ProgressVariant.success;
  } else if (job.state === 'FAILED') {
    variant = ProgressVariant.danger;
  }
  let label;
  if (total) {
    label = t('jobs.progressOf', { done, total });
  } else {
    label = finished ? t('jobs.progressDone', { done }) : t('jobs.progressCount', { done });
  }

  const counts = RESULT_COUNTS.flatMap((name) => {
    const count = job.result?.[name];
    return typeof count === 'number' ? [{ name, count }] : [];
  });

  return (
    <Stack hasGutter data-testid="job-progress" data-state={job.state}>
      <StackItem>
        <Progress
          value={value}
          title={t(`jobs.state.${job.state}`)}
          label={label}
          measureLocation={ProgressMeasureLocation.top}
          variant={variant}
          aria-label={t('jobs.progressLabel')}
          data-testid="job-progress-bar"
        />
      </StackItem>
      {problem && (
        <StackItem>
          <ProblemAlert problem={problem} title={t('jobs.pollFailed')} />
        </StackItem>
      )}
      {job.state === 'SUCCEEDED' && counts.length > 0 && (
        <StackItem>
          <DescriptionList isHorizontal isCompact data-testid="job-result">
            {counts.map(({ name, count }) => (
              <DescriptionListGroup key={name}>
                <DescriptionListTerm>{t(`jobs.result.${name}`)}</DescriptionListTerm>
                <DescriptionListDescription data-testid={`job-result-${name}`}>{count}</DescriptionListDescription>
              </DescriptionListGroup>
            ))}
          </DescriptionList>
        </StackItem>
      )}
      {job.state === 'FAILED' && (
        <StackItem>
          <Alert variant="danger" isInline title={t('jobs.failed')} data-testid="job-errors">
            {job.errors.length > 0 && (
              <List>
                {job.errors.map((error, index) => (
                  <ListItem key={`${String(index)}:${error.field}`} data-testid="job-error">
                    {error.field}: {error.message}
                  </ListItem>
                ))}
              </List>
            )}
            {job.errorCount > job.errors.length && (
              <p>{t('jobs.moreErrors', { count: job.errorCount - job.errors.length })}</p>
            )}
          </Alert>
        </StackItem>
      )}
    </Stack>
  );
}
