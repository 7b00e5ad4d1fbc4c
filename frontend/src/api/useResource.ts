import { useEffect, useEffectEvent, useState } from 'react';

import { toProblem } from './problem';
import type { Problem } from './types';

export interface Resource<T> {
  /** The latest data for this key; during a reload, the previous data of the same key. */
  data: T | undefined;
  problem: Problem | undefined;
  /** True until the load for the current key and generation has settled. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  generation: number;
  data?: T;
  problem?: Problem;
}

/**
 * Loads data for `key` and loads again whenever the key changes. The key must capture everything `load` depends on
 * (tenant, filters); a response that arrives after the key moved on is discarded.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>();
  const runLoad = useEffectEvent((signal: AbortSignal) => load(signal));

  useEffect(() => {
    const controller = new AbortController();
    runLoad(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setSettled({ key, generation, data });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setSettled({ key, generation, problem: toProblem(error) });
        }
      },
    );
    return () => {
      controller.abort();
    };
  }, [key, generation]);

  // Another key's result belongs to another tenant or filter and must never show, not even briefly.
  const current = settled?.key === key ? settled : undefined;
  return {
    data: current?.data,
    problem: current?.generation === generation ? current.problem : undefined,
    loading: current?.generation !== generation,
    reload: () => {
      setGeneration((previous) => previous + 1);
    },
  };
}
