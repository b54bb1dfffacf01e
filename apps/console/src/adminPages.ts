/** react-admin's error pages, loaded when one is shown (App.tsx): none of them is on the login route (issue 17). */
export { AccessDenied, AuthenticationError, Error, NotFound } from 'react-admin';
