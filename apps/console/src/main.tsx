import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { App } from './App';

/**
 * One hash router for the console, created once. Without it react-admin 5.15's `<Admin>` creates its own inside a
 * component that makes a new router on every render: on a first visit (no token) each new router read the URL
 * afresh, react-admin's log-out-on-mount sent it to #/login again, and the two fought ~3,800 times over ~11 s before
 * the login form showed (issue 17, bench:console-load). Inside a router react-admin uses that one.
 */
const router = createHashRouter([{ path: '*', element: <App /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} useTransitions={false} />
  </StrictMode>,
);
