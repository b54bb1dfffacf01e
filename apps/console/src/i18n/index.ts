import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { deepMerge } from './merge';
import zhMessages from './zh';

/** zh.ts with the signed-in console's Chinese areas, once loaded (loadSignedInCatalogue). */
let zhSignedIn: TranslationMessages | undefined;
let loading: Promise<void> | undefined;

export const i18nProvider = polyglotI18nProvider(
  // The login route carries the Chinese of the login route only (zh.ts and areas/index.ts); the rest of the Chinese
  // loads on signing in, English when someone switches to it (issue 17, first load)
  (locale) => (locale === 'en' ? import('./en').then((m) => m.default) : (zhSignedIn ?? zhMessages)),
  'zh-CN',
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  // Missing keys fall back to the key's `_` option or the key itself instead of warning noise.
  { allowMissing: true },
);

/** Whether the signed-in console's catalogue is there (the layout shows at once). */
export const signedInCatalogueLoaded = () => zhSignedIn !== undefined;

/**
 * Loads the Chinese areas of the signed-in console (areas/index.zh.ts) once and has the provider use them; English
 * (en.ts) already carries all of its areas. The layout waits for this (App.tsx: the lazy layout), so no screen after
 * login shows a label missing. A failed load is retried on the next call.
 */
export const loadSignedInCatalogue = (): Promise<void> =>
  (loading ??= import('./areas/index.zh').then(
    async ({ areasZhSignedIn }) => {
      zhSignedIn = deepMerge(zhMessages, areasZhSignedIn) as TranslationMessages;
      const locale = i18nProvider.getLocale();
      if (locale !== 'en') await i18nProvider.changeLocale(locale);
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  ));
