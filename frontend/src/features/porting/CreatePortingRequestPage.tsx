import {
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormGroup,
  FormHelperText,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  PageSection,
  TextArea,
  TextInput,
  Title,
  Wizard,
  WizardStep,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { mapFieldErrors, toProblem } from '../../api/problem';
import type { FieldError, Problem } from '../../api/types';
import { portingPath, portingRequestPath } from '../../app/paths';
import { ProblemAlert } from '../../components/ProblemAlert';
import { createPortingRequest } from './api';
import { parseNumbers } from './parseNumbers';
import { EMPTY, type Field, FIELDS, toDetails, type Values, withoutIndexes } from './requestForm';

/** The wizard's steps and the fields each one shows, so a refused field marks its step. */
const STEPS = {
  numbers: ['numbers'],
  carrier: ['losingCarrier', 'accountNumber', 'pin', 'authorisedPerson', 'billingTelephoneNumber'],
  address: ['street', 'locality', 'region', 'postalCode', 'country'],
  schedule: ['requestedPortDate', 'plivoSubaccount', 'plivoAppId'],
} as const satisfies Record<string, readonly Field[]>;
type StepId = keyof typeof STEPS;

interface Failure {
  problem?: Problem;
  byField: Partial<Record<Field, string>>;
  unmatched: FieldError[];
}

const NO_FAILURE: Failure = { byField: {}, unmatched: [] };

/** Starts a draft porting request in four steps and a review; documents are added on the draft afterwards. */
export function CreatePortingRequestPage() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(EMPTY);
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  const [submitting, setSubmitting] = useState(false);

  const save = async () => {
    if (parseNumbers(values.numbers).length === 0) {
      setFailure({ byField: { numbers: t('portingForm.numbersRequired') }, unmatched: [] });
      return;
    }
    setSubmitting(true);
    setFailure(NO_FAILURE);
    try {
      const created = await createPortingRequest(tenantId, toDetails(values));
      void navigate(portingRequestPath(tenantId, created.id));
    } catch (error) {
      const problem = toProblem(error);
      setFailure({ problem, ...mapFieldErrors(withoutIndexes(problem), FIELDS) });
      setSubmitting(false);
    }
  };

  const stepStatus = (step: StepId) =>
    STEPS[step].some((field: Field) => failure.byField[field] !== undefined) ? 'error' : 'default';

  const input = (name: Field, options: { type?: 'text' | 'date'; required?: boolean; help?: string } = {}) => {
    const error = failure.byField[name];
    const id = `porting-form-${name}`;
    return (
      <FormGroup label={t(`portingForm.fields.${name}`)} fieldId={id} isRequired={options.required}>
        <TextInput
          id={id}
          type={options.type ?? 'text'}
          value={values[name]}
          validated={error ? 'error' : 'default'}
          onChange={(_event, value) => {
            setValues((previous) => ({ ...previous, [name]: value }));
          }}
          data-testid={id}
        />
        {(error ?? options.help) && (
          <FormHelperText>
            <HelperText>
              <HelperTextItem variant={error ? 'error' : 'default'} data-testid={error && `${id}-error`}>
                {error ?? options.help}
              </HelperTextItem>
            </HelperText>
          </FormHelperText>
        )}
      </FormGroup>
    );
  };

  const numbersError = failure.byField.numbers;
  const numbers = parseNumbers(values.numbers);
  const review = (label: string, value: string) => (
    <DescriptionListGroup>
      <DescriptionListTerm>{label}</DescriptionListTerm>
      <DescriptionListDescription>{value.trim() || '—'}</DescriptionListDescription>
    </DescriptionListGroup>
  );

  return (
    <PageSection>
      <Title headingLevel="h1">{t('portingForm.title')}</Title>
      <Content component="p">{t('portingForm.subtitle')}</Content>
      {failure.problem && (
        <ProblemAlert problem={failure.problem} title={t('portingForm.failed')} fieldErrors={failure.unmatched} />
      )}
      <Wizard
        className="pf-v6-u-mt-md"
        navAriaLabel={t('portingForm.steps')}
        onClose={() => {
          void navigate(portingPath(tenantId));
        }}
        onSave={() => void save()}
        data-testid="porting-wizard"
      >
        <WizardStep name={t('portingForm.stepNumbers')} id="porting-step-numbers" status={stepStatus('numbers')}>
          <Form
            onSubmit={(event) => {
              event.preventDefault();
            }}
          >
            <FormGroup label={t('portingForm.fields.numbers')} fieldId="porting-form-numbers" isRequired>
              <TextArea
                id="porting-form-numbers"
                value={values.numbers}
                rows={6}
                resizeOrientation="vertical"
                validated={numbersError ? 'error' : 'default'}
                onChange={(_event, value) => {
                  setValues((previous) => ({ ...previous, numbers: value }));
                }}
                data-testid="porting-form-numbers"
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem
                    variant={numbersError ? 'error' : 'default'}
                    data-testid={numbersError && 'porting-form-numbers-error'}
                  >
                    {numbersError ?? t('portingForm.numbersHelp')}
                  </HelperTextItem>
                </HelperText>
              </FormHelperText>
            </FormGroup>
          </Form>
        </WizardStep>
        <WizardStep name={t('portingForm.stepCarrier')} id="porting-step-carrier" status={stepStatus('carrier')}>
          <Form
            onSubmit={(event) => {
              event.preventDefault();
            }}
          >
            {input('losingCarrier', { required: true })}
            {input('accountNumber', { required: true })}
            {input('pin', { help: t('portingForm.pinHelp') })}
            {input('authorisedPerson', { required: true })}
            {input('billingTelephoneNumber', { help: t('portingForm.btnHelp') })}
          </Form>
        </WizardStep>
        <WizardStep name={t('portingForm.stepAddress')} id="porting-step-address" status={stepStatus('address')}>
          <Form
            onSubmit={(event) => {
              event.preventDefault();
            }}
          >
            {input('street', { required: true })}
            <Grid hasGutter>
              <GridItem md={6}>{input('locality', { required: true })}</GridItem>
              <GridItem md={6}>{input('region')}</GridItem>
              <GridItem md={6}>{input('postalCode', { required: true })}</GridItem>
              <GridItem md={6}>{input('country', { required: true, help: t('portingForm.countryHelp') })}</GridItem>
            </Grid>
          </Form>
        </WizardStep>
        <WizardStep name={t('portingForm.stepSchedule')} id="porting-step-schedule" status={stepStatus('schedule')}>
          <Form
            onSubmit={(event) => {
              event.preventDefault();
            }}
          >
            {input('requestedPortDate', { type: 'date', required: true, help: t('portingForm.dateHelp') })}
            {input('plivoSubaccount', { help: t('portingForm.subaccountHelp') })}
            {input('plivoAppId', { help: t('portingForm.appIdHelp') })}
          </Form>
        </WizardStep>
        <WizardStep
          name={t('portingForm.stepReview')}
          id="porting-step-review"
          footer={{ nextButtonText: t('portingForm.submit'), isNextDisabled: submitting }}
        >
          <DescriptionList isHorizontal isCompact data-testid="porting-form-review">
            {review(t('portingForm.fields.numbers'), numbers.join(', '))}
            {review(t('portingForm.fields.losingCarrier'), values.losingCarrier)}
            {review(t('portingForm.fields.accountNumber'), values.accountNumber)}
            {review(t('portingForm.fields.pin'), values.pin ? '****' : '')}
            {review(t('portingForm.fields.authorisedPerson'), values.authorisedPerson)}
            {review(t('portingForm.fields.billingTelephoneNumber'), values.billingTelephoneNumber)}
            {review(
              t('portingForm.serviceAddress'),
              [values.street, values.locality, values.region, values.postalCode, values.country]
                .map((part) => part.trim())
                .filter(Boolean)
                .join(', '),
            )}
            {review(t('portingForm.fields.requestedPortDate'), values.requestedPortDate)}
            {review(t('portingForm.fields.plivoSubaccount'), values.plivoSubaccount)}
            {review(t('portingForm.fields.plivoAppId'), values.plivoAppId)}
          </DescriptionList>
          <Content component="p" className="pf-v6-u-mt-md">
            {t('portingForm.documentsLater')}
          </Content>
        </WizardStep>
      </Wizard>
    </PageSection>
  );
}
