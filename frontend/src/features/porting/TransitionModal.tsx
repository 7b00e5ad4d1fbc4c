import {
  ActionGroup,
  Button,
  Checkbox,
  Content,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem } from '../../api/problem';
import type {
  AvailableTransition,
  PortingNumberStatus,
  PortingRequest,
  Problem,
  RejectionCode,
  TransitionCommand,
} from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { moveRequest } from './api';
import { fieldLabel, REJECTABLE_FIELDS, REJECTION_CODES } from './fieldLabel';

const OUTCOMES = ['PORTED', 'FAILED', 'EXCLUDED'] as const satisfies readonly PortingNumberStatus[];

interface RejectionDraft {
  code: RejectionCode;
  fields: string[];
  message: string;
}

interface OutcomeDraft {
  status: PortingNumberStatus;
  reason: string;
}

interface TransitionModalProps {
  tenantId: string;
  request: PortingRequest;
  transition: AvailableTransition;
  onClose: () => void;
  onMoved: (request: PortingRequest) => void;
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Makes one move. The inputs come from what the service says the move requires, so a move the service adds a
 * requirement to asks for it without a dashboard change to this list of cases.
 */
export function TransitionModal({ tenantId, request, transition, onClose, onMoved }: TransitionModalProps) {
  const { t } = useTranslation();
  const requires = new Set(transition.requires);
  const openRejections = request.rejections.filter((rejection) => rejection.open);
  const asksAnswers = transition.to === 'SUBMITTED' && openRejections.length > 0;
  const movingNumbers = request.numbers.filter((number) => number.status !== 'EXCLUDED');

  const [reason, setReason] = useState('');
  const [focDate, setFocDate] = useState('');
  const [providerReference, setProviderReference] = useState(request.providerReference ?? '');
  const [rejections, setRejections] = useState<RejectionDraft[]>([{ code: 'OTHER', fields: [], message: '' }]);
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [outcomes, setOutcomes] = useState<Record<string, OutcomeDraft>>(() =>
    Object.fromEntries(
      movingNumbers.map((number) => [
        number.e164,
        { status: transition.to === 'COMPLETED' ? 'PORTED' : number.status, reason: number.reason ?? '' },
      ]),
    ),
  );
  const [problem, setProblem] = useState<Problem>();
  const [submitting, setSubmitting] = useState(false);

  const command = (): TransitionCommand => ({
    to: transition.to,
    version: request.version,
    reason: orNull(reason),
    focDate: requires.has('focDate') && focDate ? new Date(focDate).toISOString() : null,
    providerReference: requires.has('providerReference') ? orNull(providerReference) : null,
    rejections: requires.has('rejections')
      ? rejections.map((rejection) => ({
          code: rejection.code,
          fields: rejection.fields,
          message: orNull(rejection.message),
        }))
      : null,
    answers: asksAnswers
      ? Object.entries(answers)
          .filter(([, note]) => note.trim() !== '')
          .map(([rejectionId, note]) => ({ rejectionId: Number(rejectionId), note: note.trim() }))
      : null,
    numbers: requires.has('numbers')
      ? Object.entries(outcomes).map(([e164, outcome]) => ({
          e164,
          status: outcome.status,
          reason: orNull(outcome.reason),
        }))
      : null,
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setProblem(undefined);
    try {
      onMoved(await moveRequest(tenantId, request.id, command()));
    } catch (error) {
      setProblem(toProblem(error));
      setSubmitting(false);
    }
  };

  const updateRejection = (index: number, change: Partial<RejectionDraft>) => {
    setRejections((previous) => previous.map((draft, i) => (i === index ? { ...draft, ...change } : draft)));
  };

  const target = t(`portingState.${transition.to}`);
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="transition-title" data-testid="transition-modal">
      <ModalHeader
        title={t('portingMove.title', { state: target })}
        labelId="transition-title"
        description={t('portingMove.from', { state: t(`portingState.${request.state}`) })}
      />
      <ModalBody>
        <Form id="transition-form" onSubmit={(event) => void submit(event)}>
          {problem && (
            <ProblemAlert problem={problem} title={t('portingMove.failed')} fieldErrors={problem.errors ?? []} />
          )}
          {requires.has('providerReference') && (
            <FormGroup label={t('portingMove.providerReference')} fieldId="transition-provider-reference" isRequired>
              <TextInput
                id="transition-provider-reference"
                value={providerReference}
                onChange={(_event, value) => {
                  setProviderReference(value);
                }}
                data-testid="transition-provider-reference"
              />
            </FormGroup>
          )}
          {requires.has('focDate') && (
            <FormGroup label={t('portingMove.focDate')} fieldId="transition-foc-date" isRequired>
              <TextInput
                id="transition-foc-date"
                type="datetime-local"
                value={focDate}
                onChange={(_event, value) => {
                  setFocDate(value);
                }}
                data-testid="transition-foc-date"
              />
            </FormGroup>
          )}
          {requires.has('rejections') && (
            <>
              <Title headingLevel="h3" size="md">
                {t('portingMove.rejections')}
              </Title>
              {rejections.map((rejection, index) => (
                <div key={index} className="pf-v6-u-mb-md" data-testid="transition-rejection">
                  <FormGroup label={t('portingMove.rejectionCode')} fieldId={`transition-rejection-code-${index}`}>
                    <FormSelect
                      id={`transition-rejection-code-${index}`}
                      value={rejection.code}
                      onChange={(_event, value) => {
                        updateRejection(index, { code: value as RejectionCode });
                      }}
                      data-testid={`transition-rejection-code-${index}`}
                    >
                      {REJECTION_CODES.map((code) => (
                        <FormSelectOption key={code} value={code} label={t(`rejectionCode.${code}`)} />
                      ))}
                    </FormSelect>
                  </FormGroup>
                  <FormGroup label={t('portingMove.rejectionFields')} role="group" isInline>
                    {REJECTABLE_FIELDS.map((field) => (
                      <Checkbox
                        key={field}
                        id={`transition-rejection-${index}-${field}`}
                        label={t(`portingField.${field}`)}
                        isChecked={rejection.fields.includes(field)}
                        onChange={(_event, checked) => {
                          updateRejection(index, {
                            fields: checked
                              ? [...rejection.fields, field]
                              : rejection.fields.filter((name) => name !== field),
                          });
                        }}
                        data-testid={`transition-rejection-${index}-${field}`}
                      />
                    ))}
                  </FormGroup>
                  <FormGroup
                    label={t('portingMove.rejectionMessage')}
                    fieldId={`transition-rejection-message-${index}`}
                  >
                    <TextArea
                      id={`transition-rejection-message-${index}`}
                      value={rejection.message}
                      onChange={(_event, value) => {
                        updateRejection(index, { message: value });
                      }}
                      data-testid={`transition-rejection-message-${index}`}
                    />
                  </FormGroup>
                </div>
              ))}
              <div>
                <Button
                  variant="link"
                  isInline
                  onClick={() => {
                    setRejections((previous) => [...previous, { code: 'OTHER', fields: [], message: '' }]);
                  }}
                >
                  {t('portingMove.addRejection')}
                </Button>
              </div>
            </>
          )}
          {requires.has('numbers') && (
            <>
              <Title headingLevel="h3" size="md">
                {t('portingMove.outcomes')}
              </Title>
              {movingNumbers.map((number) => {
                const outcome = outcomes[number.e164];
                return (
                  outcome && (
                    <FormGroup key={number.e164} label={number.e164} fieldId={`transition-number-${number.e164}`}>
                      <FormSelect
                        id={`transition-number-${number.e164}`}
                        value={outcome.status}
                        onChange={(_event, value) => {
                          setOutcomes((previous) => ({
                            ...previous,
                            [number.e164]: { ...outcome, status: value as PortingNumberStatus },
                          }));
                        }}
                        data-testid={`transition-number-status-${number.e164}`}
                      >
                        {OUTCOMES.map((status) => (
                          <FormSelectOption key={status} value={status} label={t(`portingNumberStatus.${status}`)} />
                        ))}
                      </FormSelect>
                      {outcome.status !== 'PORTED' && (
                        <TextInput
                          aria-label={t('portingMove.outcomeReason', { number: number.e164 })}
                          placeholder={t('portingMove.outcomeReason', { number: number.e164 })}
                          value={outcome.reason}
                          onChange={(_event, value) => {
                            setOutcomes((previous) => ({ ...previous, [number.e164]: { ...outcome, reason: value } }));
                          }}
                          data-testid={`transition-number-reason-${number.e164}`}
                        />
                      )}
                    </FormGroup>
                  )
                );
              })}
            </>
          )}
          {asksAnswers && (
            <>
              <Title headingLevel="h3" size="md">
                {t('portingMove.answers')}
              </Title>
              <Content component="p">{t('portingMove.answersHelp')}</Content>
              {openRejections.map((rejection) => (
                <FormGroup
                  key={rejection.id}
                  label={t('portingMove.answerLabel', {
                    code: t(`rejectionCode.${rejection.code}`),
                    fields: rejection.fields.map((field) => fieldLabel(field, t)).join(', '),
                  })}
                  fieldId={`transition-answer-${rejection.id}`}
                >
                  <TextArea
                    id={`transition-answer-${rejection.id}`}
                    value={answers[rejection.id] ?? ''}
                    onChange={(_event, value) => {
                      setAnswers((previous) => ({ ...previous, [rejection.id]: value }));
                    }}
                    data-testid={`transition-answer-${rejection.id}`}
                  />
                </FormGroup>
              ))}
            </>
          )}
          <FormGroup
            label={requires.has('reason') ? t('portingMove.reasonRequired') : t('portingMove.reason')}
            fieldId="transition-reason"
            isRequired={requires.has('reason')}
          >
            <TextArea
              id="transition-reason"
              value={reason}
              onChange={(_event, value) => {
                setReason(value);
              }}
              data-testid="transition-reason"
            />
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <ActionGroup>
          <Button
            type="submit"
            form="transition-form"
            variant={transition.to === 'CANCELLED' ? 'danger' : 'primary'}
            isLoading={submitting}
            isDisabled={submitting}
            data-testid="transition-submit"
          >
            {t('portingMove.submit', { state: target })}
          </Button>
          <Button variant="link" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </ActionGroup>
      </ModalFooter>
    </Modal>
  );
}
