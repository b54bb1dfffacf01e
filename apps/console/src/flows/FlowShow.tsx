import { CardContent, Typography } from '@mui/material';
import { Labeled, SelectField, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { kindChoices } from '../components/choices';
import { DividedSection } from '../components/Section';
import { VersionActions } from '../policies/versionActions';
import { VersionSummary } from '../components/VersionSummary';
import { FlowDiagram } from './FlowDiagram';
import type { FlowRecord } from './model';

const FlowShowActions = () => (
  <VersionActions<FlowRecord> resource="flows" payload={(r) => ({ kind: r.kind, stages: r.stages })} />
);

export const FlowSummary = () => (
  <VersionSummary
    resource="flows"
    leading={
      <>
        <Labeled source="kind" resource="flows">
          <SelectField source="kind" choices={kindChoices} />
        </Labeled>
        <Labeled source="label" resource="flows">
          <TextField source="label" emptyText="—" />
        </Labeled>
      </>
    }
  >
    <Labeled source="author" resource="flows">
      <TextField source="author" emptyText="—" />
    </Labeled>
  </VersionSummary>
);

const FlowShowLayout = () => {
  const record = useRecordContext<FlowRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <CardContent>
      <Typography variant="h6" gutterBottom>
        <SelectField source="kind" choices={kindChoices} variant="h6" /> v{record.version}
      </Typography>
      <FlowSummary />
      {record.description && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {record.description}
        </Typography>
      )}
      <DividedSection title={translate('qf.flow.diagram')}>
        <FlowDiagram stages={record.stages} kind={record.kind} />
      </DividedSection>
    </CardContent>
  );
};

export const FlowShow = () => (
  <Show actions={<FlowShowActions />}>
    <FlowShowLayout />
  </Show>
);
