import { CardContent, Divider, Typography } from '@mui/material';
import { Labeled, SelectField, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { kindChoices } from '../components/choices';
import { JsonBlock } from '../components/fields';
import { DividedSection } from '../components/Section';
import { VersionShowActions } from '../components/VersionShowActions';
import { VersionSummary } from '../components/VersionSummary';
import { FlowDiagram } from './FlowDiagram';
import type { FlowRecord } from './model';

const FlowShowActions = () => <VersionShowActions<FlowRecord> resource="flows" payload={(r) => ({ kind: r.kind, stages: r.stages })} />;

export const FlowSummary = () => (
  <VersionSummary
    resource="flows"
    leading={
      <Labeled source="kind" resource="flows">
        <SelectField source="kind" choices={kindChoices} />
      </Labeled>
    }
  />
);

const FlowShowLayout = () => {
  const record = useRecordContext<FlowRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <CardContent>
      <Typography variant="h6" gutterBottom>
        <TextField source="id" variant="h6" />
      </Typography>
      <FlowSummary />
      <DividedSection title={translate('qf.flow.diagram')}>
        <FlowDiagram stages={record.stages} />
      </DividedSection>
      <Divider sx={{ my: 2 }} />
      <JsonBlock value={record.stages} />
    </CardContent>
  );
};

export const FlowShow = () => (
  <Show actions={<FlowShowActions />}>
    <FlowShowLayout />
  </Show>
);
