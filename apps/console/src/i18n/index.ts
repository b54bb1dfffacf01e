import polyglotI18nProvider from 'ra-i18n-polyglot';
import zhMessages from './zh';
import enMessages from './en';

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? enMessages : zhMessages),
  'zh-CN',
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  // Missing keys fall back to the key's `_` option or the key itself instead of warning noise.
  { allowMissing: true },
);
