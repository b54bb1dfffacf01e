import { CssBaseline } from '@mui/material';
import {
  AdminContext,
  CoreAdminUI,
  type CoreAdminUIProps,
  type DataProvider,
  type AuthProvider,
  type I18nProvider,
  LoadingPage,
  localStorageStore,
  Notification,
} from 'react-admin';
import { lazyView } from './components/lazy';

// react-admin's error pages, loaded when one is shown
const NotFound = lazyView(() => import('./adminPages'), 'NotFound');
const ErrorPage = lazyView(() => import('./adminPages'), 'Error') as CoreAdminUIProps['error'];
const AuthenticationError = lazyView(() => import('./adminPages'), 'AuthenticationError');
const AccessDenied = lazyView(() => import('./adminPages'), 'AccessDenied');
/** As react-admin's Admin: preferences (locale, sidebar, list params) kept in localStorage. */
const store = localStorageStore();

type Props = Omit<CoreAdminUIProps, 'error' | 'catchAll' | 'authenticationError' | 'accessDenied' | 'loading'> & {
  dataProvider: DataProvider;
  authProvider: AuthProvider;
  i18nProvider: I18nProvider;
};

/**
 * react-admin's `<Admin>` (AdminContext + AdminUI) without what AdminUI bundles by default — its layout, login and
 * error pages — so the login route carries react-admin's core, MUI's basics and our login form only (issue 17, first
 * load): App.tsx passes a layout that loads on signing in, the error pages load when shown.
 */
export const QfAdmin = ({ dataProvider, authProvider, i18nProvider, children, ...ui }: Props) => (
  <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} store={store}>
    <CssBaseline enableColorScheme>
      <CoreAdminUI
        catchAll={NotFound}
        error={ErrorPage}
        authenticationError={AuthenticationError}
        accessDenied={AccessDenied}
        loading={LoadingPage}
        {...ui}
      >
        {children}
      </CoreAdminUI>
      <Notification />
    </CssBaseline>
  </AdminContext>
);
