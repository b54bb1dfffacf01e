import { useCallback } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { starText } from './starText';

export { noteText, personLabel, starText, yuan } from './starText';

/** `starText` bound to the current translator and locale. */
export const useStarText = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return useCallback((text: string | null | undefined) => starText(translate, locale, text), [translate, locale]);
};
