import { type ComponentType, type ReactNode, useEffect, useState } from 'react';
import { Loading } from 'react-admin';
import { loadSignedInCatalogue, signedInCatalogueLoaded } from './index';

type LayoutProps = { children: ReactNode };

/**
 * The console's layout once the signed-in console's Chinese labels are there (loadSignedInCatalogue): they are not on
 * the login route (issue 17, first load), and every screen after login renders inside the layout, so none shows a
 * missing label. Should the load fail (network), the layout shows anyway; the labels fall back to their keys' defaults.
 */
export function withSignedInCatalogue(Layout: ComponentType<LayoutProps>): ComponentType<LayoutProps> {
  const Gated = ({ children }: LayoutProps) => {
    const [ready, setReady] = useState(signedInCatalogueLoaded);
    useEffect(() => {
      if (ready) return;
      let live = true;
      loadSignedInCatalogue()
        .catch(() => undefined)
        .finally(() => {
          if (live) setReady(true);
        });
      return () => {
        live = false;
      };
    }, [ready]);
    return ready ? <Layout>{children}</Layout> : <Loading />;
  };
  Gated.displayName = 'WithSignedInCatalogue';
  return Gated;
}
