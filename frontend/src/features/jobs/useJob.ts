import { useEffect, useState } from 'react';

import { toProblem } from '../../api/problem';
import type { Job, Problem } from '../../api/types';
import { getJob } from '../numbers/api';

/** How often a running job is asked for its progress. */
export const JOB_POLL_INTERVAL_MS = 1000;

export function isFinished(job: Pick<Job, 'state'>): boolean {
  return job.state === 'SUCCEEDED' || job.state === 'FAILED';
}

export interface PolledJob {
  job: Job;
  /** The last poll's failure; polling goes on, since the job keeps running on the service whatever the page saw. */
  problem: Problem | undefined;
}

/** Follows a job from the answer that started it until it finished, asking the service every `intervalMs`. */
export function useJob(tenantId: string, started: Job, intervalMs = JOB_POLL_INTERVAL_MS): PolledJob {
  const [polled, setPolled] = useState<PolledJob>({ job: started, problem: undefined });
  const finished = isFinished(polled.job);

  useEffect(() => {
    if (finished) {
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJob(tenantId, started.id, controller.signal).then(
        (job) => {
          if (!controller.signal.aborted) {
            setPolled({ job, problem: undefined });
          }
        },
        (error: unknown) => {
          if (!controller.signal.aborted) {
            setPolled((previous) => ({ job: { ...previous.job }, problem: toProblem(error) }));
          }
        },
      );
    }, intervalMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // A new object per answer (even a failed one) schedules the next poll.
  }, [tenantId, started.id, intervalMs, finished, polled]);

  return polled;
}
