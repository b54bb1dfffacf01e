import { SearchInput, type SearchInputProps, useTranslate } from 'react-admin';

/**
 * The lists' free-text search (`q`: 工单号, customer, employee name or 工号, title) with its hint translated
 * (SearchInput shows a `placeholder` prop as given, so a catalogue key would be shown raw when the box is empty).
 */
export const SearchQ = (props: Omit<SearchInputProps, 'placeholder'>) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('qf.case_ui.search')} sx={{ minWidth: { xs: 0, sm: 320 } }} />;
};
