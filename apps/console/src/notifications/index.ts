import OutboxIcon from '@mui/icons-material/Outbox';
import SettingsIcon from '@mui/icons-material/NotificationsActive';
import { lazyView } from '../components/lazy';

export { NotificationBell } from './NotificationBell';

/** 通知投递 (admins): the outbox with its retries and dead letters. */
export const notificationOutbox = {
  list: lazyView(() => import('./OutboxList'), 'OutboxList'),
  icon: OutboxIcon,
};

/** 通知设置: every user's own delivery preferences (a page; the resource's list). */
export const notificationSettings = {
  list: lazyView(() => import('./NotificationSettings'), 'NotificationSettings'),
  icon: SettingsIcon,
};
