import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { Typography } from '@mui/material';
import { NotificationBell } from '../notifications/NotificationBell';
import { ListReset } from './ListReset';

// The default AppBar already offers the locale switch (two locales) and the user menu.
const QfAppBar = () => (
  <AppBar>
    <Typography variant="h6" sx={{ mr: 2, whiteSpace: 'nowrap' }}>
      QualityFlow 质量流程
    </Typography>
    <TitlePortal />
    <NotificationBell />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={QfAppBar}>
    <ListReset />
    {children}
  </RaLayout>
);
