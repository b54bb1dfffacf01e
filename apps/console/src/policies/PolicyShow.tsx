import { CardContent, Typography } from '@mui/material';
import { Labeled, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DividedSection } from '../components/Section';
import { VersionSummary } from '../components/VersionSummary';
import { PolicyDiff } from './PolicyDiff';
import { PolicyView } from './PolicyView';
import { VersionActions } from './versionActions';
import { SimulateButton } from '../simulations';
import type { PolicyRecord } from './model';

const PolicyShowActions = () => (
  <VersionActions<PolicyRecord> resource="policies" payload={(r) => ({ body: r.body, effectiveFrom: null })} />
);

/** Head of a policy version: name, version, status, effective date, author, times. */
export const PolicySummary = () => (
  <VersionSummary
    resource="policies"
    leading={
      <Labeled source="label" resource="policies">
        <TextField source="label" emptyText="—" />
      </Labeled>
    }
  >
    <Labeled source="effectiveFrom" resource="policies">
      <TextField source="effectiveFrom" emptyText="—" />
    </Labeled>
    <Labeled source="author" resource="policies">
      <TextField source="author" emptyText="—" />
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
      <SimulateButton />
      {record.description && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="policy-description">
          {record.description}
        </Typography>
      )}
      <DividedSection title={translate('qf.policy.compare')}>
        <PolicyDiff record={record} />
      </DividedSection>
      <DividedSection title={translate('qf.policy.body')}>
        <PolicyView body={record.body} version={record.version} />
      </DividedSection>
    </CardContent>
  );
};

export const PolicyShow = () => (
  <Show actions={<PolicyShowActions />}>
    <PolicyShowLayout />
  </Show>
);
