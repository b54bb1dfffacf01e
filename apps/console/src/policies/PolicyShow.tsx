import { CardContent, Divider } from '@mui/material';
import { Labeled, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { JsonBlock } from '../components/fields';
import { DividedSection } from '../components/Section';
import { VersionShowActions } from '../components/VersionShowActions';
import { VersionSummary } from '../components/VersionSummary';
import { PolicyDiff } from './PolicyDiff';
import { PolicyTree } from './PolicyTree';
import type { PolicyRecord } from './model';

const PolicyShowActions = () => <VersionShowActions<PolicyRecord> resource="policies" payload={(r) => ({ body: r.body, effectiveFrom: null })} />;

export const PolicySummary = () => (
  <VersionSummary resource="policies">
    <Labeled source="effectiveFrom" resource="policies">
      <TextField source="effectiveFrom" emptyText="—" />
    </Labeled>
  </VersionSummary>
);

const PolicyShowLayout = () => {
  const record = useRecordContext<PolicyRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <CardContent>
      <PolicySummary />
      <DividedSection title={translate('qf.policy.body')}>
        <PolicyTree body={record.body} />
      </DividedSection>
      <DividedSection title={translate('qf.policy.compare')}>
        <PolicyDiff record={record} />
      </DividedSection>
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
