import polyglotI18nProvider from 'ra-i18n-polyglot';
import zhMessages from './zh';

export const i18nProvider = polyglotI18nProvider(
  // English loads when someone switches to it (the login route carries Chinese only)
  (locale) => (locale === 'en' ? import('./en').then((m) => m.default) : zhMessages),
  'zh-CN',
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  // Missing keys fall back to the key's `_` option or the key itself instead of warning noise.
  { allowMissing: true },
);
