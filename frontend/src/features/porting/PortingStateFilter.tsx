import { ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

import type { PortingState, PortingStateCounts } from '../../api/types';

interface PortingStateFilterProps {
  states: readonly PortingState[];
  selected: PortingState | undefined;
  /** Shown next to each state when the service answered; the filter works without them. */
  counts: PortingStateCounts | undefined;
  onSelect: (state: PortingState | undefined) => void;
  allLabel: string;
  allCount: number | undefined;
}

/** One toggle per state with its count, and one for "all"; choosing a state lists only its requests. */
export function PortingStateFilter({
  states,
  selected,
  counts,
  onSelect,
  allLabel,
  allCount,
}: PortingStateFilterProps) {
  const { t } = useTranslation();
  const withCount = (text: string, count: number | undefined) => (count === undefined ? text : `${text} (${count})`);

  return (
    <ToggleGroup aria-label={t('porting.filterLabel')} className="pf-v6-u-my-md" data-testid="porting-state-filter">
      <ToggleGroupItem
        text={withCount(allLabel, allCount)}
        buttonId="porting-state-all"
        isSelected={selected === undefined}
        onChange={() => {
          onSelect(undefined);
        }}
        data-testid="porting-state-all"
      />
      {states.map((state) => (
        <ToggleGroupItem
          key={state}
          text={withCount(t(`portingState.${state}`), counts?.byState[state])}
          buttonId={`porting-state-${state}`}
          isSelected={selected === state}
          onChange={() => {
            onSelect(state);
          }}
          data-testid={`porting-state-${state}`}
        />
      ))}
    </ToggleGroup>
  );
}
