import {
  Datagrid,
  FunctionField,
  List,
  SelectField,
  SelectInput,
  SimpleList,
  TextField,
  useTranslate,
} from 'react-admin';
import type { CaseView } from '@qf/contracts/cases';
import { caseStatusChoices, kindChoices } from '../components/choices';
import { DateTimeField, useWaitingOnLabel } from '../components/fields';
import { useCaseLabels } from '../cases/labels';
import { SearchQ } from './SearchQ';
import { usePhone } from '../layout/usePhone';

const filters = [
  <SearchQ key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={caseStatusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
];

const casePath = (id: string | number) => `/cases/${encodeURIComponent(String(id))}/show`;

/** Where a case waits: "环节 · 等待谁", or its outcome once closed. */
const useWhere = () => {
  const labels = useCaseLabels();
  const waitingOn = useWaitingOnLabel();
  const translate = useTranslate();
  return (c: CaseView) =>
    c.status === 'open' && c.stage
      ? translate('qf.inbox.waits_at', {
          stage: labels.stage(c.kind, c.stage),
          who: waitingOn(c.waitingOn) || '—',
        })
      : labels.outcome(c.outcome);
};

/**
 * 我的流程 (issue 17): the cases I started or am named in — the api's `mine: true` filter (dataProvider LIST_ALIASES),
 * with where each one waits (stage and who).
 */
export const MyCaseList = () => {
  const phone = usePhone();
  const where = useWhere();
  return (
    // empty={false}: with nothing yet the page keeps its list and filters (react-admin's empty page invites a create)
    <List resource="my-cases" empty={false} filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25}>
      {phone ? (
        <SimpleList<CaseView>
          linkType={(c) => casePath(c.id)}
          primaryText={(c) => c.title}
          secondaryText={(c) => where(c)}
        />
      ) : (
        <Datagrid rowClick={(id) => casePath(id)} bulkActionButtons={false}>
          <TextField source="title" />
          <SelectField source="kind" choices={kindChoices} />
          <SelectField source="status" choices={caseStatusChoices} />
          <FunctionField source="stage" label="qf.inbox.where" sortable={false} render={(c: CaseView) => where(c)} />
          <DateTimeField source="dueAt" />
          <DateTimeField source="createdAt" />
        </Datagrid>
      )}
    </List>
  );
};
