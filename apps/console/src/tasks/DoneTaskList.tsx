import {
  Datagrid,
  FunctionField,
  List,
  SelectField,
  SelectInput,
  SimpleList,
  TextField,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import type { TaskView } from '@qf/contracts/cases';
import { kindChoices } from '../components/choices';
import { DateTimeField } from '../components/fields';
import { formatDateTime } from '../components/format';
import { useCaseLabels } from '../cases/labels';
import { SearchQ } from './SearchQ';
import { usePhone } from '../layout/usePhone';

const filters = [
  <SearchQ key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
];

/** A done task opens as its task page (which shows the decision and links the case). */
const taskPath = (id: string | number) => `/tasks/${encodeURIComponent(String(id))}/show`;

/**
 * 已办 (issue 17): the tasks I decided — the api's `done: 'mine'` filter (dataProvider LIST_ALIASES), newest decision
 * first — with my decision in words, my comment and when.
 */
export const DoneTaskList = () => {
  const translate = useTranslate();
  const labels = useCaseLabels();
  const [locale] = useLocaleState();
  const phone = usePhone();
  return (
    // empty={false}: with nothing yet the page keeps its list and filters (react-admin's empty page invites a create)
    <List
      resource="done-tasks"
      empty={false}
      filters={filters}
      sort={{ field: 'decidedAt', order: 'DESC' }}
      perPage={25}
    >
      {phone ? (
        <SimpleList<TaskView>
          linkType={(t) => taskPath(t.id)}
          primaryText={(t) => t.caseTitle}
          secondaryText={(t) =>
            translate('qf.inbox.done_line', {
              stage: labels.stage(t.kind, t.stage, t.stageLabel),
              decision: labels.decision(t.decision, t),
              at: formatDateTime(t.decidedAt, locale),
            })
          }
          tertiaryText={(t) => t.decisionComment ?? ''}
        />
      ) : (
        <Datagrid rowClick={(id) => taskPath(id)} bulkActionButtons={false}>
          <TextField source="caseTitle" />
          <FunctionField
            source="stageLabel"
            sortBy="stage"
            render={(t: TaskView) => labels.stage(t.kind, t.stage, t.stageLabel)}
          />
          <SelectField source="kind" choices={kindChoices} />
          <FunctionField
            source="decision"
            label="qf.inbox.my_decision"
            sortable={false}
            render={(t: TaskView) => labels.decision(t.decision, t)}
          />
          <FunctionField
            source="decisionComment"
            label="qf.inbox.comment"
            sortable={false}
            render={(t: TaskView) => t.decisionComment || '—'}
          />
          <DateTimeField source="decidedAt" label="qf.inbox.decided_at" />
        </Datagrid>
      )}
    </List>
  );
};
