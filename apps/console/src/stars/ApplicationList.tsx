import { Box, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import type { StarApplicationView, StarCampaignView } from '@qf/contracts/stars';
import { canUse } from '../authProvider/access';
import { DateTimeField } from '../components/fields';
import { StatusChip, Stars } from './chips';
import { applicationStatusChoices, levelChoices } from './model';
import { personLabel, useStarText } from './texts';

const campaignText = (c: StarCampaignView) => String(c.year ?? c.id);

/** campaignId only for those who read campaigns (an agent's list is row-scoped by the api anyway). */
const useFilters = () => {
  const { permissions } = usePermissions();
  return [
    ...(canUse(permissions, 'star-campaigns')
      ? [
          <ReferenceInput
            key="campaignId"
            source="campaignId"
            reference="star-campaigns"
            sort={{ field: 'year', order: 'DESC' }}
            alwaysOn
          >
            <AutocompleteInput
              optionText={campaignText}
              label="resources.star-applications.fields.campaignId"
              sx={{ minWidth: 160 }}
            />
          </ReferenceInput>,
        ]
      : []),
    <SelectInput key="status" source="status" choices={applicationStatusChoices} alwaysOn />,
    <SelectInput key="level" source="level" choices={levelChoices} alwaysOn />,
    <BooleanInput key="mine" source="mine" />,
  ];
};

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    {/* S-2: any signed-in agent applies for themself; team leads nominate */}
    <CreateButton label="qf.star.application.apply" data-testid="star-apply" />
  </TopToolbar>
);

const ExamCell = ({ record }: { record: StarApplicationView }) => {
  const translate = useTranslate();
  const text = useStarText();
  const exam = record.exam;
  if (!exam) return <span>—</span>;
  const sat = Object.values(exam.scores ?? {}).some((v) => typeof v === 'number');
  return (
    <Stack spacing={0.25}>
      <span>
        {exam.passedLevel
          ? translate('qf.star.application.passed_as', { n: exam.passedLevel })
          : sat
            ? translate('qf.star.application.not_passed')
            : '—'}
      </span>
      {exam.explanation && (
        <Typography variant="caption" color="text.secondary" sx={{ maxWidth: 260 }}>
          {text(exam.explanation)}
        </Typography>
      )}
    </Stack>
  );
};

const CommitteeCell = ({ record }: { record: StarApplicationView }) => {
  const translate = useTranslate();
  const c = record.committee;
  if (!c || (c.votesCast === 0 && c.approved === null)) return <span>—</span>;
  return (
    <span>
      {translate('qf.star.vote.progress_text', { cast: c.votesCast, members: c.members, approvals: c.approvals })}
    </span>
  );
};

const Empty = () => (
  <Box sx={{ p: 2 }}>
    <Typography color="text.secondary">{useTranslate()('qf.star.application.empty')}</Typography>
  </Box>
);

/** 星级申请 (S-2…S-9). The api sorts by createdAt, level, status and employeeName. */
export const ApplicationList = () => {
  const translate = useTranslate();
  const filters = useFilters();
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
        <FunctionField
          source="employeeName"
          render={(r: StarApplicationView) => (
            <Stack spacing={0.25}>
              <span>{personLabel(r.employeeName, r.employeeCode)}</span>
              <Typography variant="caption" color="text.secondary">
                {r.unitName || ''}
              </Typography>
            </Stack>
          )}
        />
        <FunctionField source="year" sortable={false} render={(r: StarApplicationView) => r.year ?? '—'} />
        <FunctionField source="level" render={(r: StarApplicationView) => <Stars level={r.level} />} />
        <FunctionField source="status" render={(r: StarApplicationView) => <StatusChip status={r.status} />} />
        <FunctionField
          source="recommended"
          sortable={false}
          render={(r: StarApplicationView) => translate(r.recommended ? 'qf.common.yes' : 'qf.common.no')}
        />
        <FunctionField source="exam" sortable={false} render={(r: StarApplicationView) => <ExamCell record={r} />} />
        <FunctionField
          source="committee"
          sortable={false}
          render={(r: StarApplicationView) => <CommitteeCell record={r} />}
        />
        <DateTimeField source="createdAt" />
      </Datagrid>
    </List>
  );
};
