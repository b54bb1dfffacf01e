import { Box, CardContent, Divider, Stack, Typography } from '@mui/material';
import {
  ChipField,
  Datagrid,
  Labeled,
  Link,
  ListContextProvider,
  RecordContextProvider,
  ReferenceArrayField,
  ReferenceField,
  SelectField,
  Show,
  SingleFieldList,
  TextField,
  useGetList,
  useList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { ReactElement, ReactNode } from 'react';
import type { WaitingOn } from '@qf/contracts/cases';
import {
  caseStatusChoices,
  causeChoices,
  escalationLevelChoices,
  personRoleChoices,
  severityChoices,
  sourceChoices,
  verdictChoices,
} from '../components/choices';
import { DateTimeField, JsonBlock, MoneyField, PointsField, TemporalLinkField, WaitingLine } from '../components/fields';

type Rec = Record<string, unknown>;
const asRec = (v: unknown): Rec | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ mt: 2 }}>
    <Divider sx={{ mb: 2 }} />
    <Typography variant="subtitle1" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

const L = ({ source, children }: { source: string; children: ReactElement }) => (
  <Labeled source={source} resource="complaints">
    {children}
  </Labeled>
);

/** The case behind a complaint: the api may nest it (`case`) or flatten it into the complaint. */
const caseOf = (r: Rec): Rec => asRec(r.case) ?? r;

const Verification = ({ value }: { value: unknown }) => {
  const translate = useTranslate();
  const v = asRec(value) ?? (typeof value === 'string' ? { verdict: value } : undefined);
  if (!v) return <Typography color="text.secondary">{translate('qf.complaint.not_yet')}</Typography>;
  return (
    <RecordContextProvider value={v}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <L source="verdict">
          <SelectField source="verdict" choices={verdictChoices} />
        </L>
        <L source="facts">
          <TextField source="facts" emptyText="—" />
        </L>
      </Stack>
    </RecordContextProvider>
  );
};

const Ruling = ({ value }: { value: unknown }) => {
  const translate = useTranslate();
  const r = asRec(value);
  const persons = Array.isArray(r?.persons) ? (r.persons as Rec[]) : [];
  const listContext = useList({ data: persons.map((p, i) => ({ id: i, ...p })) });
  if (!r) return <Typography color="text.secondary">{translate('qf.complaint.not_yet')}</Typography>;
  return (
    <RecordContextProvider value={r}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <L source="severity">
          <SelectField source="severity" choices={severityChoices} />
        </L>
        <L source="category">
          <TextField source="category" emptyText="—" />
        </L>
        <L source="cause">
          <SelectField source="cause" choices={causeChoices} emptyText="—" />
        </L>
      </Stack>
      <ListContextProvider value={listContext}>
        <Datagrid bulkActionButtons={false} resource="complaints" rowClick={false}>
          <ReferenceField source="employeeId" reference="employees" link={false} />
          <SelectField
            source="role"
            choices={personRoleChoices}
          />
          <PointsField source="points" />
        </Datagrid>
      </ListContextProvider>
    </RecordContextProvider>
  );
};

const Appeals = ({ value }: { value: unknown }) => {
  const translate = useTranslate();
  const appeals = Array.isArray(value) ? value : [];
  if (appeals.length === 0) return <Typography color="text.secondary">{translate('qf.complaint.no_appeals')}</Typography>;
  return (
    <Stack spacing={1}>
      {appeals.map((a, i) => (
        <JsonBlock key={i} value={a} label={`#${i + 1} ${str(asRec(a)?.status) ?? ''}`} defaultOpen={appeals.length === 1} />
      ))}
    </Stack>
  );
};

const Deductions = ({ caseId }: { caseId: string }) => {
  const { data, isPending } = useGetList('deductions', {
    filter: { caseId },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'createdAt', order: 'ASC' },
  });
  const listContext = useList({ data: data ?? [], isPending });
  return (
    <ListContextProvider value={listContext}>
      <Datagrid bulkActionButtons={false} resource="deductions" rowClick={false} empty={<Typography color="text.secondary">—</Typography>}>
        <TextField source="employeeName" />
        <TextField source="month" />
        <TextField source="reason" />
        <PointsField source="points" />
        <MoneyField source="moneyFen" />
      </Datagrid>
    </ListContextProvider>
  );
};

const ComplaintPage = () => {
  const record = useRecordContext<Rec & { id: string }>();
  const translate = useTranslate();
  if (!record) return null;
  const c = caseOf(record);
  const caseId = str(record.caseId) ?? str(c.id) ?? record.id;
  const registered = { ...record, ...(asRec(record.complaint) ?? {}) };
  return (
    <CardContent>
      <RecordContextProvider value={registered}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <L source="source">
          <SelectField source="source" choices={sourceChoices} />
        </L>
        {registered.source === 'escalated-order' && (
          <L source="escalationLevel">
            <SelectField source="escalationLevel" choices={escalationLevelChoices} />
          </L>
        )}
        <L source="customer">
          <TextField source="customer" />
        </L>
        <L source="channel">
          <TextField source="channel" />
        </L>
        <L source="occurredAt">
          <DateTimeField source="occurredAt" />
        </L>
        <L source="unitId">
          <ReferenceField source="unitId" reference="org-units" link={false} />
        </L>
        <L source="employeeIds">
          <ReferenceArrayField source="employeeIds" reference="employees">
            <SingleFieldList linkType={false}>
              <ChipField source="name" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        </L>
      </Stack>
      <Box sx={{ mt: 2 }}>
        <L source="description">
          <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
        </L>
      </Box>
      </RecordContextProvider>

      <Section title={translate('qf.complaint.case_state')}>
        <RecordContextProvider value={c}>
          <Stack spacing={1}>
            <WaitingLine
              waitingOn={c.waitingOn as WaitingOn[] | undefined}
              since={str(c.waitingSince) ?? null}
              due={str(c.dueAt) ?? null}
            />
            <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
              <Labeled source="status" resource="cases">
                <SelectField source="status" choices={caseStatusChoices} />
              </Labeled>
              <Labeled source="stage" resource="cases">
                <TextField source="stage" emptyText="—" />
              </Labeled>
              <Labeled source="outcome" resource="cases">
                <TextField source="outcome" emptyText="—" />
              </Labeled>
              <Labeled source="temporalUrl" resource="cases">
                <TemporalLinkField source="temporalUrl" />
              </Labeled>
              <Link to={`/cases/${encodeURIComponent(caseId)}/show`}>{translate('qf.case.timeline')}</Link>
            </Stack>
          </Stack>
        </RecordContextProvider>
      </Section>

      <Section title={translate('qf.complaint.verification')}>
        <Verification value={record.verification ?? record.verdict} />
      </Section>
      <Section title={translate('qf.complaint.ruling')}>
        <Ruling value={record.ruling} />
      </Section>
      <Section title={translate('qf.complaint.appeals')}>
        <Appeals value={record.appeals} />
      </Section>
      <Section title={translate('qf.complaint.deductions')}>
        <Deductions caseId={caseId} />
      </Section>
    </CardContent>
  );
};

export const ComplaintShow = () => (
  <Show>
    <ComplaintPage />
  </Show>
);
