import { Button, Content, Flex, FlexItem, Label, PageSection, Switch, Title } from '@patternfly/react-core';
import ImportIcon from '@patternfly/react-icons/dist/esm/icons/import-icon';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import UsersIcon from '@patternfly/react-icons/dist/esm/icons/users-icon';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { toProblem } from '../../api/problem';
import type { Problem, Subaccount } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';
import { useHasAnyRole } from '../../auth/currentUser';
import { SUBACCOUNT_ADMINS } from '../../auth/permissions';
import { DateTime } from '../../components/DateTime';
import { MessageState } from '../../components/MessageState';
import { PagedListView } from '../../components/PagedListView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { listSubaccounts, updateSubaccount } from './api';
import { DeleteSubaccountModal } from './DeleteSubaccountModal';
import { ImportTwilioSubaccountsModal } from './ImportTwilioSubaccountsModal';
import { SubaccountFormModal } from './SubaccountFormModal';

const PAGE_SIZE = 50;

type Dialog =
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'rename'; subaccount: Subaccount }
  | { kind: 'delete'; subaccount: Subaccount };

export function SubaccountsPage() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const canManage = useHasAnyRole(SUBACCOUNT_ADMINS);
  const [dialog, setDialog] = useState<Dialog>();
  const [toggling, setToggling] = useState<string>();
  const [changeProblem, setChangeProblem] = useState<Problem>();
  const subaccounts = usePagedList(`subaccounts:${tenantId}`, (cursor, signal) =>
    listSubaccounts(tenantId, PAGE_SIZE, cursor, signal),
  );

  const closeAndReload = () => {
    setDialog(undefined);
    subaccounts.reload();
  };

  const setEnabled = async (subaccount: Subaccount, enabled: boolean) => {
    setToggling(subaccount.id);
    setChangeProblem(undefined);
    try {
      await updateSubaccount(tenantId, subaccount.id, { enabled });
      subaccounts.reload();
    } catch (error) {
      setChangeProblem(toProblem(error));
    } finally {
      setToggling(undefined);
    }
  };

  const createButton = canManage && (
    <Button
      variant="primary"
      icon={<PlusCircleIcon />}
      onClick={() => {
        setDialog({ kind: 'create' });
      }}
      data-testid="create-subaccount"
    >
      {t('subaccounts.create')}
    </Button>
  );

  const body = (
    <PagedListView
      list={subaccounts}
      empty={
        <MessageState
          title={t('subaccounts.emptyTitle')}
          body={t('subaccounts.emptyBody')}
          icon={UsersIcon}
          actions={createButton}
          testId="subaccounts-empty"
        />
      }
      loadMoreTestId="subaccounts-load-more"
    >
      <Table aria-label={t('subaccounts.tableLabel')} data-testid="subaccounts-table" variant="compact">
        <Thead>
          <Tr>
            <Th>{t('subaccounts.columns.name')}</Th>
            <Th>{t('subaccounts.columns.id')}</Th>
            <Th>{t('subaccounts.columns.enabled')}</Th>
            <Th modifier="wrap">{t('subaccounts.columns.twilio')}</Th>
            <Th>{t('subaccounts.columns.createdAt')}</Th>
            {canManage && <Th screenReaderText={t('subaccounts.columns.actions')} />}
          </Tr>
        </Thead>
        <Tbody>
          {subaccounts.items.map((subaccount) => (
            <Tr key={subaccount.id} data-testid="subaccount-row" data-id={subaccount.id}>
              <Td dataLabel={t('subaccounts.columns.name')} data-testid="subaccount-name">
                {subaccount.name}
              </Td>
              <Td dataLabel={t('subaccounts.columns.id')}>
                <code>{subaccount.id}</code>
              </Td>
              <Td dataLabel={t('subaccounts.columns.enabled')}>
                {canManage ? (
                  <Switch
                    id={`subaccount-enabled-${subaccount.id}`}
                    aria-label={subaccount.enabled ? t('subaccounts.disable') : t('subaccounts.enable')}
                    label={subaccount.enabled ? t('subaccounts.enabled') : t('subaccounts.disabled')}
                    isChecked={subaccount.enabled}
                    isDisabled={toggling === subaccount.id}
                    onChange={(_event, checked) => {
                      void setEnabled(subaccount, checked);
                    }}
                    data-testid="subaccount-enabled"
                  />
                ) : (
                  <Label status={subaccount.enabled ? 'success' : undefined} data-testid="subaccount-enabled-label">
                    {subaccount.enabled ? t('subaccounts.enabled') : t('subaccounts.disabled')}
                  </Label>
                )}
              </Td>
              <Td dataLabel={t('subaccounts.columns.twilio')}>
                {subaccount.twilioAccountSid ? <code>{subaccount.twilioAccountSid}</code> : '—'}
              </Td>
              <Td dataLabel={t('subaccounts.columns.createdAt')}>
                <DateTime value={subaccount.createdAt} />
              </Td>
              {canManage && (
                <Td isActionCell>
                  <ActionsColumn
                    items={[
                      {
                        title: t('subaccounts.rename'),
                        onClick: () => {
                          setDialog({ kind: 'rename', subaccount });
                        },
                      },
                      {
                        title: t('subaccounts.delete'),
                        isDanger: true,
                        onClick: () => {
                          setDialog({ kind: 'delete', subaccount });
                        },
                      },
                    ]}
                  />
                </Td>
              )}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </PagedListView>
  );

  return (
    <PageSection>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <Title headingLevel="h1">{t('subaccounts.title')}</Title>
          <Content component="p">{t('subaccounts.subtitle', { tenantId })}</Content>
        </FlexItem>
        {canManage && (
          <FlexItem>
            <Flex>
              <FlexItem>
                <Button
                  variant="secondary"
                  icon={<ImportIcon />}
                  onClick={() => {
                    setDialog({ kind: 'import' });
                  }}
                  data-testid="import-twilio-subaccounts"
                >
                  {t('subaccounts.importTwilio')}
                </Button>
              </FlexItem>
              <FlexItem>{createButton}</FlexItem>
            </Flex>
          </FlexItem>
        )}
      </Flex>
      {changeProblem && <ProblemAlert problem={changeProblem} title={t('subaccounts.changeFailed')} />}
      {body}
      {(dialog?.kind === 'create' || dialog?.kind === 'rename') && (
        <SubaccountFormModal
          tenantId={tenantId}
          subaccount={dialog.kind === 'rename' ? dialog.subaccount : undefined}
          onClose={() => {
            setDialog(undefined);
          }}
          onSaved={closeAndReload}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportTwilioSubaccountsModal
          tenantId={tenantId}
          onClose={() => {
            setDialog(undefined);
          }}
          onImported={subaccounts.reload}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteSubaccountModal
          tenantId={tenantId}
          subaccount={dialog.subaccount}
          onClose={() => {
            setDialog(undefined);
          }}
          onDeleted={closeAndReload}
        />
      )}
    </PageSection>
  );
}
