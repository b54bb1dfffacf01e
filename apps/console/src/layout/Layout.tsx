import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { Typography } from '@mui/material';
import { NotificationBell } from '../notifications/NotificationBell';
import { ListReset } from './ListReset';
import { Menu } from './Menu';

// The default AppBar already offers the locale switch (two locales) and the user menu (with 退出登录). The product name
// gives way to the page's title on a phone, so the user menu stays on screen at 390 px (issue 17).
const QfAppBar = () => (
  <AppBar>
    <Typography variant="h6" sx={{ mr: 2, whiteSpace: 'nowrap', display: { xs: 'none', md: 'block' } }}>
      QualityFlow 质量流程
    </Typography>
    <TitlePortal sx={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} />
    <NotificationBell />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={QfAppBar} menu={Menu}>
    <ListReset />
    {children}
  </RaLayout>
);
