import { Fragment } from 'react';
import { Divider, ListSubheader } from '@mui/material';
import { Menu as RaMenu, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import { MENU_GROUP_KEYS, menuGroupOf, menuOrderOf } from './menu-groups';

/**
 * The menu grouped by process (issue 17): the dashboard, then one headed section per group of menu-groups.ts with the
 * resources the user may open (App.tsx registers list views only for the user's roles, RESOURCE_ROLES); a group with
 * none of them is left out. Every entry stays visible (no collapsed sections), so each page is one click away.
 */
export const Menu = () => {
  const resources = useResourceDefinitions();
  const translate = useTranslate();
  const [open] = useSidebarState();
  const listed = Object.values(resources).filter((r) => r.hasList);
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {MENU_GROUP_KEYS.map((group) => {
        const items = listed
          .filter((r) => menuGroupOf(r.name) === group)
          .sort((a, b) => menuOrderOf(a.name) - menuOrderOf(b.name));
        if (!items.length) return null;
        return (
          <Fragment key={group}>
            {open ? (
              <ListSubheader
                component="div"
                disableSticky
                data-testid={`menu-group-${group}`}
                sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent', fontWeight: 600 }}
              >
                {translate(`qf.menu.groups.${group}`)}
              </ListSubheader>
            ) : (
              <Divider sx={{ my: 0.5 }} />
            )}
            {items.map((r) => (
              <RaMenu.ResourceItem key={r.name} name={r.name} />
            ))}
          </Fragment>
        );
      })}
    </RaMenu>
  );
};
