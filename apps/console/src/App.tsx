import { Resource, type ResourceProps } from 'react-admin';
import { QfAdmin } from './QfAdmin';
import type { Role } from '@qf/contracts/common';
import { REVIEW_CASE_STARTERS } from '@qf/contracts/case-starters';
import {
  authProvider,
  canUse,
  hasRole,
  MASTER_DATA_EDITORS,
  MEETING_EDITORS,
  RECTIFICATION_CREATORS,
  STAR_REVIEW_STARTERS,
} from './authProvider';
import { dataProvider } from './dataProvider';
import { notificationOutbox, notificationSettings } from './notifications';
import { i18nProvider, loadSignedInCatalogue } from './i18n';
import { LoginPage } from './layout/LoginPage';
import { lazyView } from './components/lazy';
import cases from './cases';
import tasks from './tasks';
import { doneTasks, myCases } from './tasks/inbox';
import complaints from './complaints';
import deductions from './deductions';
import audit from './audit';
import employees from './employees';
import orgUnits from './orgUnits';
import users from './users';
import flows from './flows';
import policies from './policies';
import notices from './notices';
import settlements from './settlements';
import simulations from './simulations';
import rectifications from './rectifications';
import meetings from './meetings';
import evaluations, { scores } from './evaluations';
import workOrders from './workOrders';
import { indicatorCards, perceptionMonths, perceptionRankings } from './perception';
import { scorecardMonths } from './scorecards';
import { quarterlyAssessments } from './quarterly';
import { serviceFines, serviceOrders } from './serviceOrders';
import {
  starApplications,
  starCampaigns,
  starHistory,
  starHolders,
  starReviews,
  starVoting,
  employeeAwards,
} from './stars';

const Dashboard = lazyView(() => import('./dashboard'), 'Dashboard');
// The layout (app bar, menu, bell) loads on signing in, with the signed-in console's Chinese labels, which it waits
// for: no screen after login shows a missing label, and none of it is on the login route (issue 17, QfAdmin.tsx).
const SignedInLayout = lazyView(
  () =>
    loadSignedInCatalogue()
      .catch(() => undefined)
      .then(() => import('./layout/Layout')),
  'Layout',
);

/**
 * Resources a user cannot use are still registered without views, so references to them
 * (e.g. employees named in a complaint) keep their record representation.
 */
const resource = (name: string, def: Omit<ResourceProps, 'name'>, permissions: unknown) =>
  canUse(permissions, name) ? (
    <Resource key={name} name={name} {...def} />
  ) : (
    <Resource key={name} name={name} recordRepresentation={def.recordRepresentation} />
  );

const masterData = <T extends { edit?: unknown; create?: unknown }>(def: T, permissions: unknown) =>
  hasRole(permissions, MASTER_DATA_EDITORS) ? def : { ...def, edit: undefined, create: undefined };

/** Flow and policy versions: everyone may read, only admins edit drafts. */
const adminEdits = <T extends { edit?: unknown }>(def: T, permissions: unknown) =>
  hasRole(permissions, []) ? def : { ...def, edit: undefined };

/** Meetings: managers schedule and move them; team leads only read. */
const meetingEdits = <T extends { edit?: unknown; create?: unknown }>(def: T, permissions: unknown) =>
  hasRole(permissions, MEETING_EDITORS) ? def : { ...def, edit: undefined, create: undefined };

/** Star campaigns (S-1): admins open them; star reviews (S-10): admin and HR start a month. */
const createdBy = <T extends { create?: unknown }>(def: T, permissions: unknown, roles: readonly Role[]) =>
  hasRole(permissions, roles) ? def : { ...def, create: undefined };

/**
 * Rectifications: the board for its readers, the create page for admin/manager/dispatcher. Dispatchers
 * do not read the board, so they get the create page alone (no menu entry; it redirects to the case).
 */
const rectificationResource = (permissions: unknown) => {
  const creates = hasRole(permissions, RECTIFICATION_CREATORS);
  if (canUse(permissions, 'rectifications')) {
    return resource('rectifications', creates ? rectifications : { ...rectifications, create: undefined }, permissions);
  }
  return (
    <Resource
      key="rectifications"
      name="rectifications"
      create={creates ? rectifications.create : undefined}
      recordRepresentation={rectifications.recordRepresentation}
    />
  );
};

export const App = () => (
  <QfAdmin
    title="QualityFlow 质量流程"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={SignedInLayout}
    loginPage={LoginPage}
    requireAuth
    disableTelemetry
  >
    {(permissions) => [
      resource('tasks', tasks, permissions),
      resource('done-tasks', doneTasks, permissions),
      resource('my-cases', myCases, permissions),
      resource('cases', createdBy(cases, permissions, REVIEW_CASE_STARTERS), permissions),
      resource('complaints', complaints, permissions),
      resource('deductions', deductions, permissions),
      resource('notices', notices, permissions),
      resource('settlements', settlements, permissions),
      resource('perception-months', perceptionMonths, permissions),
      resource('perception-rankings', perceptionRankings, permissions),
      resource('indicator-cards', indicatorCards, permissions),
      resource('service-orders', serviceOrders, permissions),
      resource('service-fines', serviceFines, permissions),
      resource('scorecard-months', scorecardMonths, permissions),
      resource('quarterly-assessments', createdBy(quarterlyAssessments, permissions, ['quality']), permissions),
      rectificationResource(permissions),
      resource('meetings', meetingEdits(meetings, permissions), permissions),
      resource('evaluations', evaluations, permissions),
      resource('work-orders', workOrders, permissions),
      resource('scores', scores, permissions),
      resource('star-campaigns', createdBy(starCampaigns, permissions, []), permissions),
      resource('star-applications', starApplications, permissions),
      resource('star-voting', starVoting, permissions),
      resource('star-holders', starHolders, permissions),
      resource('star-history', starHistory, permissions),
      resource('star-reviews', createdBy(starReviews, permissions, STAR_REVIEW_STARTERS), permissions),
      resource('employee-awards', createdBy(employeeAwards, permissions, STAR_REVIEW_STARTERS), permissions),
      resource('employees', masterData(employees, permissions), permissions),
      resource('org-units', masterData(orgUnits, permissions), permissions),
      resource('flows', adminEdits(flows, permissions), permissions),
      resource('policies', adminEdits(policies, permissions), permissions),
      resource('simulations', simulations, permissions),
      resource('users', users, permissions),
      resource('audit', audit, permissions),
      resource('notification-outbox', notificationOutbox, permissions),
      resource('notification-settings', notificationSettings, permissions),
    ]}
  </QfAdmin>
);
