import { type ComponentType, lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

/**
 * A view (list, show, edit, create, a page) loaded when it is first shown, not with the console: the login route
 * carries only react-admin and the login form, every resource's screens come in their own chunk (issue 17, fast first
 * load). `load` is a literal `() => import('./X')` so the bundler splits there; `name` is the export to show.
 */
export function lazyView<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M & string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-admin passes each kind of view its own props
): ComponentType<any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Lazy = lazy(async () => ({ default: (await load())[name] as ComponentType<any> }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const View = (props: any) => (
    <Suspense fallback={<Loading />}>
      <Lazy {...props} />
    </Suspense>
  );
  View.displayName = `Lazy(${name})`;
  return View;
}
