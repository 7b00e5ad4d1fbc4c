import { Label, type LabelProps } from '@patternfly/react-core';

const STATUS: Record<string, LabelProps['status'] | undefined> = {
  delivered: 'success',
  received: 'success',
  read: 'success',
  undelivered: 'danger',
  failed: 'danger',
  rejected: 'danger',
  pending: 'warning',
  queued: 'info',
  sent: 'info',
};

/**
 * A message's status as Plivo names it, or pending while Ferry has not recorded Plivo's answer; unknown statuses still
 * show, without a colour.
 */
export function MessageStatusLabel({ status }: { status: string }) {
  return (
    <Label status={STATUS[status]} isCompact data-testid="message-status" data-status={status}>
      {status}
    </Label>
  );
}
