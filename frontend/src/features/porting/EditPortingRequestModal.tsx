import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { mapFieldErrors, toProblem } from '../../api/problem';
import type { FieldError, PortingRequest, Problem } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { updatePortingRequest } from './api';
import {
  changedDetails,
  type Field,
  FIELDS,
  valuesOf,
  type Values,
  withoutIndexes,
  requestFieldOf,
} from './requestForm';

interface Failure {
  problem?: Problem;
  byField: Partial<Record<Field, string>>;
  unmatched: FieldError[];
}

const NO_FAILURE: Failure = { byField: {}, unmatched: [] };

interface EditPortingRequestModalProps {
  tenantId: string;
  request: PortingRequest;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Changes a draft, or after a rejection the fields the open rejections name; the others are shown but locked, as
 * the service would refuse them. Only what changed is sent, with the version the page showed.
 */
export function EditPortingRequestModal({ tenantId, request, onClose, onSaved }: EditPortingRequestModalProps) {
  const { t } = useTranslation();
  const [initial] = useState<Values>(() => valuesOf(request));
  const [values, setValues] = useState<Values>(initial);
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  const [saving, setSaving] = useState(false);

  const rejected = new Set(request.rejections.filter((rejection) => rejection.open).flatMap((r) => r.fields));
  const editable = (field: Field) => request.state === 'DRAFT' || rejected.has(requestFieldOf(field));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(NO_FAILURE);
    try {
      await updatePortingRequest(tenantId, request.id, changedDetails(initial, values, request.version));
      onSaved();
    } catch (error) {
      const problem = toProblem(error);
      setFailure({ problem, ...mapFieldErrors(withoutIndexes(problem), FIELDS) });
      setSaving(false);
    }
  };

  const field = (name: Field, options: { type?: 'text' | 'date'; help?: string } = {}) => {
    const error = failure.byField[name];
    const id = `porting-edit-${name}`;
    const help = error ?? options.help;
    return (
      <FormGroup label={t(`portingForm.fields.${name}`)} fieldId={id}>
        {name === 'numbers' ? (
          <TextArea
            id={id}
            value={values.numbers}
            rows={4}
            isDisabled={!editable(name)}
            validated={error ? 'error' : 'default'}
            onChange={(_event, value) => {
              setValues((previous) => ({ ...previous, numbers: value }));
            }}
            data-testid={id}
          />
        ) : (
          <TextInput
            id={id}
            type={options.type ?? 'text'}
            value={values[name]}
            isDisabled={!editable(name)}
            validated={error ? 'error' : 'default'}
            onChange={(_event, value) => {
              setValues((previous) => ({ ...previous, [name]: value }));
            }}
            data-testid={id}
          />
        )}
        {help && (
          <FormHelperText>
            <HelperText>
              <HelperTextItem variant={error ? 'error' : 'default'} data-testid={error && `${id}-error`}>
                {help}
              </HelperTextItem>
            </HelperText>
          </FormHelperText>
        )}
      </FormGroup>
    );
  };

  return (
    <Modal
      isOpen
      variant="medium"
      onClose={onClose}
      aria-labelledby="edit-porting-title"
      data-testid="porting-edit-modal"
    >
      <ModalHeader title={t('portingEdit.title', { id: request.id })} labelId="edit-porting-title" />
      <ModalBody>
        <Form id="edit-porting-form" onSubmit={(event) => void submit(event)}>
          {request.state === 'ACTION_REQUIRED' && (
            <Alert variant="info" isInline title={t('portingEdit.onlyRejected')} />
          )}
          {failure.problem && (
            <ProblemAlert problem={failure.problem} title={t('portingEdit.failed')} fieldErrors={failure.unmatched} />
          )}
          {field('numbers', { help: t('portingForm.numbersHelp') })}
          <Grid hasGutter>
            <GridItem md={6}>{field('losingCarrier')}</GridItem>
            <GridItem md={6}>{field('accountNumber')}</GridItem>
            <GridItem md={6}>{field('pin', { help: t('portingEdit.pinHelp') })}</GridItem>
            <GridItem md={6}>{field('authorisedPerson')}</GridItem>
            <GridItem md={6}>{field('billingTelephoneNumber')}</GridItem>
            <GridItem md={6}>{field('requestedPortDate', { type: 'date' })}</GridItem>
            <GridItem md={12}>{field('street')}</GridItem>
            <GridItem md={6}>{field('locality')}</GridItem>
            <GridItem md={6}>{field('region')}</GridItem>
            <GridItem md={6}>{field('postalCode')}</GridItem>
            <GridItem md={6}>{field('country')}</GridItem>
            <GridItem md={6}>{field('plivoSubaccount')}</GridItem>
            <GridItem md={6}>{field('plivoAppId')}</GridItem>
          </Grid>
        </Form>
      </ModalBody>
      <ModalFooter>
        <ActionGroup>
          <Button
            type="submit"
            form="edit-porting-form"
            variant="primary"
            isLoading={saving}
            isDisabled={saving}
            data-testid="porting-edit-submit"
          >
            {t('portingEdit.submit')}
          </Button>
          <Button variant="link" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </ActionGroup>
      </ModalFooter>
    </Modal>
  );
}
