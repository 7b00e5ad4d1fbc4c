import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Label,
  List,
  ListItem,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { newIdempotencyKey } from '../../api/client';
import { mapFieldErrors, toProblem } from '../../api/problem';
import type { MessageRefusal, Problem, SentMessages } from '../../api/types';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import {
  isUuid,
  listApprovedSenderIds,
  listSendingNumbers,
  listSendingSubaccounts,
  refusalsOf,
  SENDER_KINDS,
  sendMessage,
  splitList,
  type SenderKind,
} from './api';
import { analyseSms } from './segments';

const FIELDS = ['from', 'powerpackUuid', 'subaccount', 'to', 'text', 'mediaUrls'] as const;

interface SendMessageFormProps {
  tenantId: string;
  onSent: (sent: SentMessages) => void;
}

/**
 * Sends a test message from one of the tenant's Plivo numbers that can send SMS, an approved alphanumeric sender ID,
 * or a Powerpack, optionally as one of its Plivo subaccounts. The encoding and parts are counted as the text is
 * typed; a refusal names each destination the service would not send to, and then nothing was sent at all.
 */
export function SendMessageForm({ tenantId, onSent }: SendMessageFormProps) {
  const { t } = useTranslation();
  const senders = useResource(`sending-numbers:${tenantId}`, (signal) => listSendingNumbers(tenantId, signal));
  const senderIds = useResource(`approved-sender-ids:${tenantId}`, (signal) => listApprovedSenderIds(tenantId, signal));
  const subaccounts = useResource(`sending-subaccounts:${tenantId}`, (signal) =>
    listSendingSubaccounts(tenantId, signal),
  );
  const [kind, setKind] = useState<SenderKind>('number');
  const [from, setFrom] = useState('');
  const [senderId, setSenderId] = useState('');
  const [powerpack, setPowerpack] = useState('');
  const [subaccount, setSubaccount] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [media, setMedia] = useState('');
  // One key per message a person composes: a retry after a lost answer never sends twice; an edit is a new message.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [sent, setSent] = useState<SentMessages>();

  const segments = useMemo(() => analyseSms(text), [text]);
  const destinations = splitList(to);
  const mediaUrls = splitList(media);
  // Until a person picks one, the first Plivo number (or approved sender ID) is the sender.
  const number = from !== '' ? from : (senders.data?.[0]?.e164 ?? '');
  const alphanumeric = senderId !== '' ? senderId : (senderIds.data?.[0]?.senderId ?? '');
  const sender = kind === 'number' ? number : kind === 'senderId' ? alphanumeric : '';
  const powerpackUuid = powerpack.trim();
  const powerpackInvalid = kind === 'powerpack' && powerpackUuid !== '' && !isUuid(powerpackUuid);
  const hasSender = kind === 'powerpack' ? powerpackUuid !== '' && !powerpackInvalid : sender !== '';

  const edit = (set: (value: string) => void) => (_event: unknown, value: string) => {
    set(value);
    setIdempotencyKey(newIdempotencyKey());
    setSent(undefined);
  };

  const submit = async () => {
    setSending(true);
    setProblem(undefined);
    setSent(undefined);
    try {
      const result = await sendMessage(
        tenantId,
        {
          from: kind === 'powerpack' ? null : sender,
          powerpackUuid: kind === 'powerpack' ? powerpackUuid : null,
          to: destinations,
          text: text === '' ? null : text,
          mediaUrls: mediaUrls.length > 0 ? mediaUrls : null,
          subaccount: subaccount === '' ? null : subaccount,
        },
        idempotencyKey,
      );
      setSent(result);
      setIdempotencyKey(newIdempotencyKey());
      onSent(result);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setSending(false);
    }
  };

  const fieldErrors = problem ? mapFieldErrors(problem, FIELDS) : undefined;
  const refusals = problem ? refusalsOf(problem) : [];
  const noSenders = senders.data?.length === 0;
  const noSenderIds = senderIds.data?.length === 0;
  const canSend = hasSender && destinations.length > 0 && (text !== '' || mediaUrls.length > 0) && !sending;

  return (
    <Card className="pf-v6-u-mb-lg" data-testid="send-message">
      <CardTitle>{t('messages.send.title')}</CardTitle>
      <CardBody>
        {kind === 'number' && senders.problem && <ProblemAlert problem={senders.problem} onRetry={senders.reload} />}
        {kind === 'number' && noSenders && (
          <Alert variant="info" isInline title={t('messages.send.noSenders')} data-testid="message-no-senders" />
        )}
        {kind === 'senderId' && senderIds.problem && (
          <ProblemAlert problem={senderIds.problem} onRetry={senderIds.reload} />
        )}
        {kind === 'senderId' && noSenderIds && (
          <Alert variant="info" isInline title={t('messages.send.noSenderIds')} data-testid="message-no-sender-ids" />
        )}
        {problem && refusals.length === 0 && (
          <ProblemAlert problem={problem} title={t('messages.send.failed')} fieldErrors={fieldErrors?.unmatched} />
        )}
        {refusals.length > 0 && <Refusals refusals={refusals} detail={problem?.detail ?? ''} />}
        {sent && (
          <Alert
            variant="success"
            isInline
            title={t('messages.send.sent', { count: sent.messages.length })}
            data-testid="message-sent"
          >
            {sent.notAccepted.length > 0 && (
              <p>{t('messages.send.notAccepted', { numbers: sent.notAccepted.join(', ') })}</p>
            )}
          </Alert>
        )}
        <Form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <FormGroup label={t('messages.send.senderKind')} fieldId="message-sender-kind" isRequired>
            <FormSelect
              id="message-sender-kind"
              value={kind}
              onChange={edit((value) => {
                setKind(value as SenderKind);
              })}
              data-testid="message-sender-kind"
            >
              {SENDER_KINDS.map((value) => (
                <FormSelectOption key={value} value={value} label={t(`messages.send.senderKinds.${value}`)} />
              ))}
            </FormSelect>
          </FormGroup>
          {kind === 'number' && (
            <FormGroup label={t('messages.send.from')} fieldId="message-from" isRequired>
              <FormSelect
                id="message-from"
                value={number}
                onChange={edit(setFrom)}
                isDisabled={!senders.data || noSenders}
                validated={fieldErrors?.byField.from ? 'error' : 'default'}
                data-testid="message-from"
              >
                {(senders.data ?? []).map((candidate) => (
                  <FormSelectOption key={candidate.e164} value={candidate.e164} label={candidate.e164} />
                ))}
              </FormSelect>
              {fieldErrors?.byField.from && <FieldError message={fieldErrors.byField.from} />}
            </FormGroup>
          )}
          {kind === 'senderId' && (
            <FormGroup label={t('messages.send.senderId')} fieldId="message-sender-id" isRequired>
              <FormSelect
                id="message-sender-id"
                value={alphanumeric}
                onChange={edit(setSenderId)}
                isDisabled={!senderIds.data || noSenderIds}
                validated={fieldErrors?.byField.from ? 'error' : 'default'}
                data-testid="message-sender-id"
              >
                {(senderIds.data ?? []).map((approved) => (
                  <FormSelectOption
                    key={approved.senderId}
                    value={approved.senderId}
                    label={t('messages.send.senderIdOption', {
                      senderId: approved.senderId,
                      countries: approved.countries.join(', '),
                    })}
                  />
                ))}
              </FormSelect>
              <FormHelperText>
                <HelperText>
                  <HelperTextItem variant={fieldErrors?.byField.from ? 'error' : 'default'}>
                    {fieldErrors?.byField.from ?? t('messages.send.senderIdHelp')}
                  </HelperTextItem>
                </HelperText>
              </FormHelperText>
            </FormGroup>
          )}
          {kind === 'powerpack' && (
            <FormGroup label={t('messages.send.powerpack')} fieldId="message-powerpack" isRequired>
              <TextInput
                id="message-powerpack"
                value={powerpack}
                onChange={edit(setPowerpack)}
                validated={powerpackInvalid || fieldErrors?.byField.powerpackUuid ? 'error' : 'default'}
                data-testid="message-powerpack"
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem
                    variant={powerpackInvalid || fieldErrors?.byField.powerpackUuid ? 'error' : 'default'}
                  >
                    {fieldErrors?.byField.powerpackUuid ??
                      (powerpackInvalid ? t('messages.send.powerpackInvalid') : t('messages.send.powerpackHelp'))}
                  </HelperTextItem>
                </HelperText>
              </FormHelperText>
            </FormGroup>
          )}
          <FormGroup label={t('messages.send.subaccount')} fieldId="message-subaccount">
            <FormSelect
              id="message-subaccount"
              value={subaccount}
              onChange={edit(setSubaccount)}
              validated={fieldErrors?.byField.subaccount ? 'error' : 'default'}
              data-testid="message-subaccount"
            >
              <FormSelectOption value="" label={t('messages.send.mainAccount')} />
              {(subaccounts.data ?? []).map((candidate) => (
                <FormSelectOption
                  key={candidate.id}
                  value={candidate.id}
                  label={t('messages.send.subaccountOption', { name: candidate.name, id: candidate.id })}
                />
              ))}
            </FormSelect>
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant={fieldErrors?.byField.subaccount ? 'error' : 'default'}>
                  {fieldErrors?.byField.subaccount ??
                    (subaccounts.problem ? t('messages.send.subaccountsFailed') : t('messages.send.subaccountHelp'))}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <FormGroup label={t('messages.send.to')} fieldId="message-to" isRequired>
            <TextArea
              id="message-to"
              value={to}
              onChange={edit(setTo)}
              rows={2}
              validated={fieldErrors?.byField.to ? 'error' : 'default'}
              data-testid="message-to"
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant={fieldErrors?.byField.to ? 'error' : 'default'}>
                  {fieldErrors?.byField.to ?? t('messages.send.toHelp')}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <FormGroup label={t('messages.send.text')} fieldId="message-text">
            <TextArea
              id="message-text"
              value={text}
              onChange={edit(setText)}
              rows={4}
              validated={fieldErrors?.byField.text ? 'error' : 'default'}
              data-testid="message-text"
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem data-testid="message-segments-info">
                  <Label isCompact data-testid="message-encoding" data-encoding={segments.encoding}>
                    {t(`messages.encoding.${segments.encoding}`)}
                  </Label>{' '}
                  <span data-testid="message-segments" data-segments={segments.segments}>
                    {t('messages.send.segments', {
                      count: segments.segments,
                      units: segments.units,
                      remaining: segments.remainingInSegment,
                    })}
                  </span>
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
            {fieldErrors?.byField.text && <FieldError message={fieldErrors.byField.text} />}
          </FormGroup>
          <FormGroup label={t('messages.send.media')} fieldId="message-media">
            <TextArea id="message-media" value={media} onChange={edit(setMedia)} rows={2} data-testid="message-media" />
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant={fieldErrors?.byField.mediaUrls ? 'error' : 'default'}>
                  {fieldErrors?.byField.mediaUrls ?? t('messages.send.mediaHelp')}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <ActionGroup>
            <Button type="submit" isDisabled={!canSend} isLoading={sending} data-testid="message-send">
              {t('messages.send.submit', { count: Math.max(destinations.length, 1) })}
            </Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
}

function FieldError({ message }: { message: string }) {
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant="error">{message}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}

function Refusals({ refusals, detail }: { refusals: MessageRefusal[]; detail: string }) {
  const { t } = useTranslation();
  return (
    <Alert variant="warning" isInline title={t('messages.send.refused')} data-testid="message-refusals">
      {detail && <p>{detail}</p>}
      <p data-testid="message-refusal-count">{t('messages.send.refusedCount', { count: refusals.length })}</p>
      <List>
        {refusals.map((refusal) => (
          <ListItem key={refusal.destination} data-testid="message-refusal" data-destination={refusal.destination}>
            <strong>{refusal.destination}</strong>{' '}
            {refusal.country && (
              <Label isCompact data-testid="message-refusal-country">
                {refusal.country}
              </Label>
            )}
            <List>
              {refusal.reasons.map((reason) => (
                <ListItem key={reason} data-testid="message-refusal-reason">
                  {reason}
                </ListItem>
              ))}
            </List>
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
