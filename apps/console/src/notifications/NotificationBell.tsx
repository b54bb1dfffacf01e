import { useEffect, useState } from 'react';
import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  Divider,
  IconButton,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Popover,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { useLocation, useNavigate } from 'react-router-dom';
import { formatDateTime } from '../components/format';
import { fetchLatest, fetchUnread, LATEST_KEY, markRead, type MyNotification, UNREAD_KEY } from './api';

const T = 'qf.notification';
/** The bell asks for the count this often (and on every page change). */
const POLL_MS = 30_000;

/**
 * The app bar's bell (issue 17): the user's unread count (to them or to one of their roles), refreshed every 30 s and
 * on every page change; a click lists the latest notifications — one is marked read by opening it or with 标为已读,
 * all with 全部已读 — and links to 通知设置.
 */
export const NotificationBell = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const unread = useQuery({ queryKey: UNREAD_KEY, queryFn: fetchUnread, refetchInterval: POLL_MS });
  const latest = useQuery({ queryKey: LATEST_KEY, queryFn: () => fetchLatest(), enabled: !!anchor });

  // a page change is a moment the user looks: ask again
  useEffect(() => {
    void client.invalidateQueries({ queryKey: UNREAD_KEY });
  }, [client, location.key]);

  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const read = async (ids: string[] | null) => {
    await markRead(ids);
    await refresh();
  };
  const open = async (n: MyNotification) => {
    if (!n.read) await read([n.id]);
    if (n.caseId) {
      setAnchor(null);
      navigate(`/cases/${n.caseId}/show`);
    }
  };

  const count = unread.data ?? 0;
  const label = translate(`${T}.bell_count`, { count });
  return (
    <>
      <Tooltip title={translate(`${T}.bell`)}>
        <IconButton
          color="inherit"
          aria-label={label}
          data-testid="notification-bell"
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <Badge badgeContent={count} color="error" max={99} data-testid="notification-count">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: { xs: '92vw', sm: 420 }, maxHeight: '70vh' } } }}
      >
        <Box data-testid="notification-list">
          <Stack direction="row" sx={{ alignItems: 'center', px: 2, py: 1 }}>
            <Typography variant="subtitle1" sx={{ flex: 1 }}>
              {translate(`${T}.title`)}
            </Typography>
            <Button size="small" disabled={count === 0} onClick={() => void read(null)}>
              {translate(`${T}.mark_all_read`)}
            </Button>
          </Stack>
          <Divider />
          <List dense disablePadding>
            {(latest.data ?? []).map((n) => (
              <ListItem
                key={n.id}
                disablePadding
                data-testid="notification-item"
                data-read={n.read ? 'true' : 'false'}
                secondaryAction={
                  n.read ? null : (
                    <Button size="small" onClick={() => void read([n.id])}>
                      {translate(`${T}.mark_read`)}
                    </Button>
                  )
                }
              >
                <ListItemButton onClick={() => void open(n)} sx={{ pr: n.read ? 2 : 11 }}>
                  <ListItemText
                    primary={n.message}
                    secondary={`${translate(`${T}.kind.${n.kind}`, { _: translate(`${T}.kind.other`) })} · ${formatDateTime(n.createdAt, locale)}`}
                    slotProps={{ primary: { sx: { fontWeight: n.read ? 'normal' : 'bold', whiteSpace: 'normal' } } }}
                  />
                </ListItemButton>
              </ListItem>
            ))}
            {latest.data && latest.data.length === 0 && (
              <ListItem>
                <ListItemText secondary={translate(`${T}.empty`)} />
              </ListItem>
            )}
          </List>
          <Divider />
          <Box sx={{ px: 2, py: 1 }}>
            <Button
              size="small"
              onClick={() => {
                setAnchor(null);
                navigate('/notification-settings');
              }}
            >
              {translate(`${T}.settings`)}
            </Button>
          </Box>
        </Box>
      </Popover>
    </>
  );
};
