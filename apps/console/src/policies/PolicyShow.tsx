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
import { DateTimeField, JsonBlock } from '../components/fields';
import { VersionShowActions } from '../components/VersionShowActions';
import { versionStatusChoices } from '../components/choices';
import { PolicyDiff } from './PolicyDiff';
import { PolicyTree } from './PolicyTree';
import type { PolicyRecord } from './model';

const PolicyShowActions = () => <VersionShowActions<PolicyRecord> resource="policies" payload={(r) => ({ body: r.body, effectiveFrom: null })} />;

export const PolicySummary = () => (
  <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
    <Labeled source="version" resource="policies">
      <NumberField source="version" />
    </Labeled>
    <Labeled source="status" resource="policies">
      <SelectField source="status" choices={versionStatusChoices} />
    </Labeled>
    <Labeled source="effectiveFrom" resource="policies">
      <TextField source="effectiveFrom" emptyText="—" />
    </Labeled>
    <Labeled source="createdAt" resource="policies">
      <DateTimeField source="createdAt" />
    </Labeled>
    <Labeled source="publishedAt" resource="policies">
      <DateTimeField source="publishedAt" />
    </Labeled>
  </Stack>
);

const PolicyShowLayout = () => {
  const record = useRecordContext<PolicyRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <CardContent>
      <PolicySummary />
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle1" gutterBottom>
        {translate('qf.policy.body')}
      </Typography>
      <PolicyTree body={record.body} />
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle1" gutterBottom>
        {translate('qf.policy.compare')}
      </Typography>
      <PolicyDiff record={record} />
      <Divider sx={{ my: 2 }} />
      <JsonBlock value={record.body} />
    </CardContent>
  );
};

export const PolicyShow = () => (
  <Show actions={<PolicyShowActions />}>
    <PolicyShowLayout />
  </Show>
);
