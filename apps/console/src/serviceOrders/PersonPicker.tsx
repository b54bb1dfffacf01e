import { useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { API_URL, httpClient } from '../dataProvider';

export type Option = { id: string; label: string };

/** A person by name or 工号 (shown 姓名（工号）), from the area's own search (not the scoped employee list). */
export const PersonPicker = ({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: Option | null;
  onChange: (v: Option | null) => void;
  error?: { error: boolean; helperText: string } | object;
  testId?: string;
}) => {
  const [text, setText] = useState('');
  const people = useQuery({
    queryKey: ['service-fine-people', text],
    queryFn: async () =>
      (await httpClient(`${API_URL}/service-fines/people?${new URLSearchParams({ q: text })}`)).json as {
        id: string;
        name: string;
      }[],
  });
  const options: Option[] = (people.data ?? []).map((p) => ({ id: p.id, label: p.name }));
  return (
    <Autocomplete
      data-testid={testId}
      options={options}
      value={value}
      onChange={(_, v) => onChange(v)}
      onInputChange={(_, v) => setText(v)}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderInput={(p) => <TextField {...p} label={label} {...(error ?? {})} />}
    />
  );
};

/** A unit by name (org units list). */
export const UnitPicker = ({
  label,
  value,
  onChange,
  options,
  error,
  testId,
}: {
  label: string;
  value: Option | null;
  onChange: (v: Option | null) => void;
  options: Option[];
  error?: object;
  testId?: string;
}) => (
  <Autocomplete
    data-testid={testId}
    options={options}
    value={value}
    onChange={(_, v) => onChange(v)}
    isOptionEqualToValue={(a, b) => a.id === b.id}
    renderInput={(p) => <TextField {...p} label={label} {...(error ?? {})} />}
  />
);
