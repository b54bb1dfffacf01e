import { CardContent, Divider, Stack, Typography } from '@mui/material';
import {
  Labeled,
  NumberField,
  SelectField,
  Show,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { kindChoices } from '../components/choices';
import { DateTimeField, JsonBlock } from '../components/fields';
import { VersionShowActions } from '../components/VersionShowActions';
import { flowStatusChoices } from './choices';
import { FlowDiagram } from './FlowDiagram';
import type { FlowRecord } from './model';

const FlowShowActions = () => <VersionShowActions<FlowRecord> resource="flows" payload={(r) => ({ kind: r.kind, stages: r.stages })} />;

export const FlowSummary = () => (
  <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
    <Labeled source="kind" resource="flows">
      <SelectField source="kind" choices={kindChoices} />
    </Labeled>
    <Labeled source="version" resource="flows">
      <NumberField source="version" />
    </Labeled>
    <Labeled source="status" resource="flows">
      <SelectField source="status" choices={flowStatusChoices} />
    </Labeled>
    <Labeled source="createdAt" resource="flows">
      <DateTimeField source="createdAt" />
    </Labeled>
    <Labeled source="publishedAt" resource="flows">
      <DateTimeField source="publishedAt" />
    </Labeled>
  </Stack>
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
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle1" gutterBottom>
        {translate('qf.flow.diagram')}
      </Typography>
      <FlowDiagram stages={record.stages} />
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
