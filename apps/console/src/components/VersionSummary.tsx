import type { ReactNode } from 'react';
import { Stack } from '@mui/material';
import { Labeled, NumberField, SelectField } from 'react-admin';
import { versionStatusChoices } from './choices';
import { DateTimeField } from './fields';

/**
 * Head of a versioned record (flows, policies): version and status, then `children` (the resource's own
 * fields), then when it was created and published. `leading` comes first.
 */
export const VersionSummary = ({
  resource,
  leading,
  children,
}: {
  resource: 'flows' | 'policies';
  leading?: ReactNode;
  children?: ReactNode;
}) => (
  <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {leading}
    <Labeled source="version" resource={resource}>
      <NumberField source="version" />
    </Labeled>
    <Labeled source="status" resource={resource}>
      <SelectField source="status" choices={versionStatusChoices} />
    </Labeled>
    {children}
    <Labeled source="createdAt" resource={resource}>
      <DateTimeField source="createdAt" />
    </Labeled>
    <Labeled source="publishedAt" resource={resource}>
      <DateTimeField source="publishedAt" />
    </Labeled>
  </Stack>
);
