import {
  Button,
  Content,
  Flex,
  FlexItem,
  Label,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  PageSection,
  Title,
} from '@patternfly/react-core';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import ShareSquareIcon from '@patternfly/react-icons/dist/esm/icons/share-square-icon';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { toProblem } from '../../api/problem';
import type { Problem, WebhookEndpoint } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';
import { DateTime } from '../../components/DateTime';
import { MessageState } from '../../components/MessageState';
import { PagedListView } from '../../components/PagedListView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { deleteWebhookEndpoint, listWebhookEndpoints } from './api';
import { CreateWebhookModal } from './CreateWebhookModal';
import { WebhookDeliveries } from './WebhookDeliveries';

const PAGE_SIZE = 50;
const COLUMN_COUNT = 5;

/** A tenant's webhook endpoints: add one (its secret shown once), remove one, and read each one's delivery log. */
export function WebhookEndpointsPage() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<WebhookEndpoint>();
  const [expanded, setExpanded] = useState<number>();
  const endpoints = usePagedList(`webhooks:${tenantId}`, (cursor, signal) =>
    listWebhookEndpoints(tenantId, PAGE_SIZE, cursor, signal),
  );

  const createButton = (
    <Button
      variant="primary"
      icon={<PlusCircleIcon />}
      onClick={() => {
        setCreating(true);
      }}
      data-testid="webhook-create"
    >
      {t('webhooks.create')}
    </Button>
  );

  const body = (
    <PagedListView
      list={endpoints}
      empty={
        <MessageState
          title={t('webhooks.emptyTitle')}
          body={t('webhooks.emptyBody')}
          icon={ShareSquareIcon}
          actions={createButton}
          testId="webhooks-empty"
        />
      }
    >
      <Table aria-label={t('webhooks.tableLabel')} data-testid="webhooks-table" variant="compact" isExpandable>
        <Thead>
          <Tr>
            <Th screenReaderText={t('webhooks.showDeliveries')} />
            <Th>{t('webhooks.columns.url')}</Th>
            <Th>{t('webhooks.columns.events')}</Th>
            <Th>{t('webhooks.columns.enabled')}</Th>
            <Th>{t('webhooks.columns.createdAt')}</Th>
            <Th screenReaderText={t('webhooks.columns.actions')} />
          </Tr>
        </Thead>
        {endpoints.items.map((endpoint, rowIndex) => {
          const isExpanded = expanded === endpoint.id;
          return (
            <Tbody key={endpoint.id} isExpanded={isExpanded}>
              <Tr data-testid="webhook-row" data-endpoint-id={endpoint.id}>
                <Td
                  expand={{
                    rowIndex,
                    isExpanded,
                    expandId: 'webhook-deliveries',
                    onToggle: () => {
                      setExpanded(isExpanded ? undefined : endpoint.id);
                    },
                  }}
                  data-testid="webhook-toggle-deliveries"
                />
                <Td dataLabel={t('webhooks.columns.url')} data-testid="webhook-url">
                  <code>{endpoint.url}</code>
                </Td>
                <Td dataLabel={t('webhooks.columns.events')}>
                  {endpoint.events.length > 0 ? endpoint.events.join(', ') : t('webhooks.allEvents')}
                </Td>
                <Td dataLabel={t('webhooks.columns.enabled')}>
                  <Label isCompact color={endpoint.enabled ? 'green' : 'grey'}>
                    {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
                  </Label>
                </Td>
                <Td dataLabel={t('webhooks.columns.createdAt')}>
                  <DateTime value={endpoint.createdAt} />
                </Td>
                <Td isActionCell>
                  <Button
                    variant="secondary"
                    isDanger
                    size="sm"
                    onClick={() => {
                      setDeleting(endpoint);
                    }}
                    data-testid="webhook-delete"
                  >
                    {t('webhooks.delete')}
                  </Button>
                </Td>
              </Tr>
              <Tr isExpanded={isExpanded}>
                <Td colSpan={COLUMN_COUNT + 1}>
                  {isExpanded && (
                    <ExpandableRowContent>
                      <WebhookDeliveries tenantId={tenantId} endpointId={endpoint.id} />
                    </ExpandableRowContent>
                  )}
                </Td>
              </Tr>
            </Tbody>
          );
        })}
      </Table>
    </PagedListView>
  );

  return (
    <PageSection>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <Title headingLevel="h1">{t('webhooks.title')}</Title>
          <Content component="p">{t('webhooks.subtitle', { tenantId })}</Content>
        </FlexItem>
        <FlexItem>{createButton}</FlexItem>
      </Flex>
      {body}
      {creating && (
        <CreateWebhookModal
          tenantId={tenantId}
          onClose={() => {
            setCreating(false);
          }}
          onCreated={endpoints.reload}
        />
      )}
      {deleting && (
        <DeleteWebhookModal
          tenantId={tenantId}
          endpoint={deleting}
          onClose={() => {
            setDeleting(undefined);
          }}
          onDeleted={() => {
            setDeleting(undefined);
            endpoints.reload();
          }}
        />
      )}
    </PageSection>
  );
}

interface DeleteWebhookModalProps {
  tenantId: string;
  endpoint: WebhookEndpoint;
  onClose: () => void;
  onDeleted: () => void;
}

function DeleteWebhookModal({ tenantId, endpoint, onClose, onDeleted }: DeleteWebhookModalProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [deleting, setDeleting] = useState(false);

  const confirm = async () => {
    setDeleting(true);
    setProblem(undefined);
    try {
      await deleteWebhookEndpoint(tenantId, endpoint.id);
      onDeleted();
    } catch (error) {
      setProblem(toProblem(error));
      setDeleting(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="delete-webhook-title">
      <ModalHeader title={t('webhooks.deleteTitle')} labelId="delete-webhook-title" titleIconVariant="warning" />
      <ModalBody>
        {problem && <ProblemAlert problem={problem} title={t('webhooks.deleteFailed')} />}
        <Content component="p">{t('webhooks.deleteBody', { url: endpoint.url })}</Content>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={() => void confirm()}
          isLoading={deleting}
          isDisabled={deleting}
          data-testid="webhook-delete-confirm"
        >
          {t('webhooks.delete')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
