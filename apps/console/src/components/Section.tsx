import { Suspense, type ReactNode } from 'react';
import { Box, CircularProgress, Divider, Typography } from '@mui/material';

/** A titled block of a show page. */
export const Section = ({ title, testId, children }: { title: ReactNode; testId?: string; children: ReactNode }) => (
  <Box data-testid={testId}>
    <Typography variant="subtitle1" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

/** A titled chart loaded lazily (recharts is large): a spinner until it is there. */
export const ChartSection = ({ title, children }: { title: ReactNode; children: ReactNode }) => (
  <Section title={title}>
    <Suspense fallback={<CircularProgress size={24} />}>{children}</Suspense>
  </Section>
);

/** A divider, then a title and what follows it (no wrapper, in the page's flow). */
export const DividedSection = ({ title, children }: { title: ReactNode; children: ReactNode }) => (
  <>
    <Divider sx={{ my: 2 }} />
    <Typography variant="subtitle1" gutterBottom>
      {title}
    </Typography>
    {children}
  </>
);
