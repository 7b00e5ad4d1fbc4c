import {
  Button,
  Card,
  CardBody,
  CardTitle,
  FileUpload,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  TextInput,
} from '@patternfly/react-core';
import DownloadIcon from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem } from '../../api/problem';
import type { DocumentKind, PortingRequest, Problem } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import { documentContentUrl, uploadDocument } from './api';

const KINDS = ['LOA', 'BILL', 'OTHER'] as const satisfies readonly DocumentKind[];

interface PortingDocumentsProps {
  tenantId: string;
  request: PortingRequest;
  /** Whether the caller's roles let them add documents at all; the state decides the rest. */
  mayUpload: boolean;
  onUploaded: () => void;
}

/** The request's documents, each downloadable, and a form to add an LOA, a bill or another document. */
export function PortingDocuments({ tenantId, request, mayUpload, onUploaded }: PortingDocumentsProps) {
  const { t } = useTranslation();
  const editable = request.state === 'DRAFT' || request.state === 'ACTION_REQUIRED';

  return (
    <Card className="pf-v6-u-mb-md">
      <CardTitle>{t('portingDocuments.title')}</CardTitle>
      <CardBody>
        {request.documents.length === 0 ? (
          <p data-testid="porting-documents-empty">{t('portingDocuments.empty')}</p>
        ) : (
          <Table aria-label={t('portingDocuments.title')} variant="compact" data-testid="porting-documents">
            <Thead>
              <Tr>
                <Th>{t('portingDocuments.kind')}</Th>
                <Th>{t('portingDocuments.filename')}</Th>
                <Th>{t('portingDocuments.issuedOn')}</Th>
                <Th>{t('portingDocuments.uploaded')}</Th>
                <Th screenReaderText={t('portingDocuments.download')} />
              </Tr>
            </Thead>
            <Tbody>
              {request.documents.map((document) => (
                <Tr key={document.id} data-testid="porting-document-row" data-kind={document.kind}>
                  <Td dataLabel={t('portingDocuments.kind')}>{t(`documentKind.${document.kind}`)}</Td>
                  <Td dataLabel={t('portingDocuments.filename')}>
                    {document.filename}{' '}
                    <small>{t('portingDocuments.size', { size: document.size.toLocaleString() })}</small>
                  </Td>
                  <Td dataLabel={t('portingDocuments.issuedOn')}>{document.issuedOn ?? '—'}</Td>
                  <Td dataLabel={t('portingDocuments.uploaded')}>
                    {document.uploadedBy}, <DateTime value={document.uploadedAt} />
                  </Td>
                  <Td dataLabel={t('portingDocuments.download')}>
                    <Button
                      component="a"
                      variant="link"
                      isInline
                      icon={<DownloadIcon />}
                      href={documentContentUrl(tenantId, request.id, document.id)}
                      download={document.filename}
                      data-testid="porting-document-download"
                    >
                      {t('portingDocuments.download')}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {mayUpload && editable && <UploadForm tenantId={tenantId} requestId={request.id} onUploaded={onUploaded} />}
      </CardBody>
    </Card>
  );
}

function UploadForm({
  tenantId,
  requestId,
  onUploaded,
}: {
  tenantId: string;
  requestId: number;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>('LOA');
  const [issuedOn, setIssuedOn] = useState('');
  const [file, setFile] = useState<File>();
  const [problem, setProblem] = useState<Problem>();
  const [uploading, setUploading] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!file) {
      return;
    }
    setUploading(true);
    setProblem(undefined);
    try {
      await uploadDocument(tenantId, requestId, { kind, issuedOn: issuedOn.trim(), file });
      setFile(undefined);
      setIssuedOn('');
      setUploading(false);
      onUploaded();
    } catch (error) {
      setProblem(toProblem(error));
      setUploading(false);
    }
  };

  return (
    <Form className="pf-v6-u-mt-md" onSubmit={(event) => void submit(event)} data-testid="porting-document-form">
      {problem && (
        <ProblemAlert problem={problem} title={t('portingDocuments.failed')} fieldErrors={problem.errors ?? []} />
      )}
      <Flex alignItems={{ default: 'alignItemsFlexEnd' }}>
        <FlexItem>
          <FormGroup label={t('portingDocuments.kind')} fieldId="porting-document-kind">
            <FormSelect
              id="porting-document-kind"
              value={kind}
              onChange={(_event, value) => {
                setKind(value as DocumentKind);
              }}
              data-testid="porting-document-kind"
            >
              {KINDS.map((option) => (
                <FormSelectOption key={option} value={option} label={t(`documentKind.${option}`)} />
              ))}
            </FormSelect>
          </FormGroup>
        </FlexItem>
        <FlexItem>
          <FormGroup
            label={t('portingDocuments.issuedOn')}
            fieldId="porting-document-issued-on"
            isRequired={kind === 'BILL'}
          >
            <TextInput
              id="porting-document-issued-on"
              type="date"
              value={issuedOn}
              onChange={(_event, value) => {
                setIssuedOn(value);
              }}
              data-testid="porting-document-issued-on"
            />
          </FormGroup>
        </FlexItem>
      </Flex>
      <FormGroup label={t('portingDocuments.file')} fieldId="porting-document-file">
        <FileUpload
          id="porting-document-file"
          filename={file?.name ?? ''}
          filenamePlaceholder={t('portingDocuments.filePlaceholder')}
          browseButtonText={t('portingDocuments.browse')}
          clearButtonText={t('portingDocuments.clear')}
          hideDefaultPreview
          onFileInputChange={(_event, chosen) => {
            setFile(chosen);
          }}
          onClearClick={() => {
            setFile(undefined);
          }}
          dropzoneProps={{
            accept: { 'application/pdf': ['.pdf'], 'image/png': ['.png'], 'image/jpeg': ['.jpg', '.jpeg'] },
          }}
          data-testid="porting-document-file"
        />
      </FormGroup>
      <div>
        <Button
          type="submit"
          variant="secondary"
          isDisabled={!file || uploading}
          isLoading={uploading}
          data-testid="porting-document-upload"
        >
          {t('portingDocuments.upload')}
        </Button>
      </div>
    </Form>
  );
}
