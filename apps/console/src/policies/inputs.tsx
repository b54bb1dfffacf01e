import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Box,
  Button as MuiButton,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  IconButton,
  InputAdornment,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  FormDataConsumer,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useSourceContext,
  useTranslate,
} from 'react-admin';
import { useController, useFormContext, useFormState, get } from 'react-hook-form';
import { ROLES } from '@qf/contracts/common';
import { RuleTag } from '../components/RuleTag';
import { keyed } from '../components/choices';
import {
  INDICATOR_KINDS,
  INDICATOR_NUMBERS,
  labelKey,
  RULING_ROLES,
  shownDecimals,
  toShown,
  toStored,
  type FieldSpec,
  type Unit,
} from './catalogue';
import { collectMessages } from './validation';
import { ScorecardsInput } from '../scorecards/ScorecardsInput';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

const STEP: Partial<Record<Unit, number>> = {
  points_x10: 0.1,
  yuan: 0.01,
  bp_percent: 0.01,
  hours: 0.5,
  per_order: 0.01,
};

/** Unit-converting props of a NumberInput: the form keeps the stored unit, the input shows the user's. */
export const unitProps = (unit: Unit | undefined, translate: (k: string) => string) => {
  const d = shownDecimals(unit);
  const suffix = unit && unit !== 'none' ? translate(`qf.policy.unit.${unit}`) : '';
  return {
    format: (v: unknown) =>
      v === null || v === undefined || v === ''
        ? ''
        : typeof v === 'number'
          ? d !== undefined
            ? toShown(unit, v).toFixed(d)
            : String(toShown(unit, v))
          : String(v),
    parse: (v: unknown) =>
      typeof v === 'number'
        ? toStored(unit, v)
        : v === '' || v === null || v === undefined
          ? null
          : Number.isFinite(Number(v))
            ? toStored(unit, Number(v))
            : null,
    step: STEP[unit ?? 'none'] ?? 1,
    InputProps: suffix ? { endAdornment: <InputAdornment position="end">{suffix}</InputAdornment> } : undefined,
  };
};

/** Errors under a form path, translated, shown below list editors. */
const ErrorsUnder = ({ name }: { name: string }) => {
  const translate = useTranslate();
  const { errors } = useFormState({ name });
  const msgs = collectMessages(get(errors, name));
  if (!msgs.length) return null;
  return (
    <FormHelperText error sx={{ mt: 0 }}>
      {[...new Set(msgs.map((m) => translate(m.message, { _: m.message, ...m.args })))].join('；')}
    </FormHelperText>
  );
};

const Field = ({ spec, children, wide }: { spec: FieldSpec; children: ReactNode; wide?: boolean }) => (
  <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, width: wide ? '100%' : 340 }} data-field={spec.path}>
    <Box sx={{ flex: 1, minWidth: 0 }}>{children}</Box>
    {spec.rule && <RuleTag rule={spec.rule} sx={{ mt: 2.2 }} />}
  </Box>
);

/** Lines of text ↔ a list of strings (one item per line; empty lines are dropped). */
const LinesInput = ({ name, label, helper }: { name: string; label: string; helper?: string }) => {
  const { field, fieldState } = useController({ name });
  const translate = useTranslate();
  const toText = (v: unknown) => (Array.isArray(v) ? v.map(String).join('\n') : '');
  const [text, setText] = useState(() => toText(field.value));
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(toText(field.value));
  }, [field.value]);
  const msgs = collectMessages(fieldState.error ? { e: fieldState.error } : undefined);
  return (
    <MuiTextField
      label={label}
      value={text}
      multiline
      minRows={2}
      fullWidth
      size="small"
      margin="dense"
      onFocus={() => (focused.current = true)}
      onBlur={() => {
        focused.current = false;
        setText(toText(field.value));
        field.onBlur();
      }}
      onChange={(e) => {
        setText(e.target.value);
        field.onChange(
          e.target.value
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        );
      }}
      error={!!msgs.length}
      helperText={msgs.length ? msgs.map((m) => translate(m.message, { _: m.message, ...m.args })).join('；') : helper}
    />
  );
};

const roleOptions = (translate: (k: string) => string) =>
  RULING_ROLES.map((r) => ({ id: r, name: translate(`qf.complaint.person_role.${r}`) }));

/** C-3 / C-6: a points range (×10, shown in 分) per accountable role, or "not applicable". */
const RoleRangesInput = ({ spec }: { spec: FieldSpec }) => {
  const translate = useTranslate();
  const name = `body.${spec.path}`;
  const { setValue, watch } = useFormContext();
  const value = watch(name) as Rec | undefined;
  const up = unitProps('points_x10', translate);
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="body2" sx={{ fontWeight: 500, mt: 1 }}>
        {translate(labelKey(spec.path))}
        {spec.rule && <RuleTag rule={spec.rule} />}
      </Typography>
      <Table size="small" sx={{ maxWidth: 720 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('qf.policy.sub.role')}</TableCell>
            <TableCell>{translate('qf.policy.sub.applies')}</TableCell>
            <TableCell>{translate('qf.policy.sub.min')}</TableCell>
            <TableCell>{translate('qf.policy.sub.max')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {RULING_ROLES.map((r) => {
            const range = isRec(value) ? value[r] : undefined;
            const on = isRec(range);
            return (
              <TableRow key={r} data-role={r}>
                <TableCell>{translate(`qf.complaint.person_role.${r}`)}</TableCell>
                <TableCell>
                  <Checkbox
                    size="small"
                    checked={on}
                    slotProps={{
                      input: {
                        'aria-label': `${translate(labelKey(spec.path))} ${translate(`qf.complaint.person_role.${r}`)}`,
                      },
                    }}
                    onChange={(e) =>
                      setValue(`${name}.${r}`, e.target.checked ? { min: 20, max: 20 } : null, {
                        shouldDirty: true,
                        shouldValidate: true,
                      })
                    }
                  />
                </TableCell>
                <TableCell>
                  {on ? (
                    <NumberInput
                      source={`${name}.${r}.min`}
                      label={false}
                      {...up}
                      sx={{ width: 140 }}
                      helperText={false}
                    />
                  ) : (
                    translate('qf.policy.not_applicable')
                  )}
                </TableCell>
                <TableCell>
                  {on ? (
                    <NumberInput
                      source={`${name}.${r}.max`}
                      label={false}
                      {...up}
                      sx={{ width: 140 }}
                      helperText={false}
                    />
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <ErrorsUnder name={name} />
    </Box>
  );
};

/** C-5 / C-6: groups of roles (each group: at least one of its roles). */
const RoleGroupsInput = ({ spec }: { spec: FieldSpec }) => {
  const translate = useTranslate();
  const name = `body.${spec.path}`;
  const { field } = useController({ name });
  const groups: string[][] = Array.isArray(field.value)
    ? field.value.map((g: unknown) => (Array.isArray(g) ? g.map(String) : []))
    : [];
  const set = (next: string[][]) => field.onChange(next);
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="body2" sx={{ fontWeight: 500, mt: 1 }}>
        {translate(labelKey(spec.path))}
        {spec.rule && <RuleTag rule={spec.rule} />}
      </Typography>
      {groups.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('qf.policy.none_required')}
        </Typography>
      )}
      {groups.map((g, i) => (
        <Box key={i} sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="body2" sx={{ width: 72 }}>
            {translate('qf.policy.group_n', { n: i + 1 })}
          </Typography>
          {roleOptions(translate).map((o) => (
            <FormControlLabel
              key={o.id}
              label={o.name}
              control={
                <Checkbox
                  size="small"
                  checked={g.includes(o.id)}
                  onChange={(e) =>
                    set(
                      groups.map((x, j) =>
                        j !== i ? x : e.target.checked ? [...x, o.id] : x.filter((y) => y !== o.id),
                      ),
                    )
                  }
                />
              }
            />
          ))}
          <IconButton
            size="small"
            aria-label={translate('qf.policy.remove')}
            onClick={() => set(groups.filter((_, j) => j !== i))}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <MuiButton size="small" startIcon={<AddIcon />} onClick={() => set([...groups, []])}>
        {translate('qf.policy.add_group')}
      </MuiButton>
      <ErrorsUnder name={name} />
    </Box>
  );
};

/** C-13: who a late step escalates to (role → role). */
const RoleMapInput = ({ spec }: { spec: FieldSpec }) => {
  const translate = useTranslate();
  const name = `body.${spec.path}`;
  const { field } = useController({ name });
  const entries: [string, string][] = isRec(field.value)
    ? Object.entries(field.value).map(([k, v]) => [k, String(v)])
    : [];
  const set = (next: [string, string][]) => field.onChange(Object.fromEntries(next));
  const select = (value: string, onChange: (v: string) => void, label: string) => (
    <MuiTextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ width: 200 }}
    >
      {ROLES.map((r) => (
        <MenuItem key={r} value={r}>
          {translate(`qf.roles.${r}`)}
        </MenuItem>
      ))}
    </MuiTextField>
  );
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="body2" sx={{ fontWeight: 500, mt: 1, mb: 1 }}>
        {translate(labelKey(spec.path))}
        {spec.rule && <RuleTag rule={spec.rule} />}
      </Typography>
      {entries.map(([from, to], i) => (
        <Box key={i} sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          {select(
            from,
            (v) => set(entries.map((e, j) => (j === i ? [v, e[1]] : e))),
            translate('qf.policy.sub.from_role'),
          )}
          <span>→</span>
          {select(to, (v) => set(entries.map((e, j) => (j === i ? [e[0], v] : e))), translate('qf.policy.sub.to_role'))}
          <IconButton
            size="small"
            aria-label={translate('qf.policy.remove')}
            onClick={() => set(entries.filter((_, j) => j !== i))}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <MuiButton size="small" startIcon={<AddIcon />} onClick={() => set([...entries, ['admin', 'leadership']])}>
        {translate('qf.policy.add_row')}
      </MuiButton>
      <ErrorsUnder name={name} />
    </Box>
  );
};

/** S-12: pay percent of a bracket, or "by score" (`'score'`). Inside an ArrayInput item. */
const PayPercentInput = () => {
  const translate = useTranslate();
  const { getSource } = useSourceContext();
  const { field } = useController({ name: getSource('payPercent') });
  const byScore = field.value === 'score';
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <FormControlLabel
        label={translate('qf.policy.bracket_by_score')}
        control={
          <Checkbox size="small" checked={byScore} onChange={(e) => field.onChange(e.target.checked ? 'score' : 100)} />
        }
      />
      {!byScore && (
        <NumberInput
          source="payPercent"
          label="qf.policy.sub.payPercent"
          {...unitProps('percent', translate)}
          sx={{ width: 160 }}
        />
      )}
    </Box>
  );
};

const ListHeading = ({ spec }: { spec: FieldSpec }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ fontWeight: 500, mt: 1 }}>
      {translate(labelKey(spec.path))}
      {spec.rule && <RuleTag rule={spec.rule} />}
    </Typography>
  );
};

const advanced = { width: 190, '& input': { fontFamily: 'monospace', fontSize: 12 } };

/** One policy value as its labelled input (stored units in the form, shown units on screen). */
export const PolicyFieldInput = ({ spec }: { spec: FieldSpec }) => {
  const translate = useTranslate();
  const source = `body.${spec.path}`;
  const label = labelKey(spec.path);
  switch (spec.kind) {
    case 'number':
      return (
        <Field spec={spec}>
          <NumberInput source={source} label={label} fullWidth {...unitProps(spec.unit, translate)} />
        </Field>
      );
    case 'bool':
      return (
        <Field spec={spec}>
          <BooleanInput source={source} label={label} />
        </Field>
      );
    case 'enum':
    case 'timezone':
      return (
        <Field spec={spec}>
          <SelectInput
            source={source}
            label={label}
            choices={keyed(spec.choices!.values, spec.choices!.prefix)}
            fullWidth
          />
        </Field>
      );
    case 'fixed':
      return (
        <Field spec={spec}>
          <FormDataConsumer>
            {({ formData }) => (
              <MuiTextField
                label={translate(label)}
                value={translate(`${spec.choices!.prefix}.${String(get(formData, source))}`, { _: '—' })}
                disabled
                fullWidth
                size="small"
                margin="dense"
              />
            )}
          </FormDataConsumer>
        </Field>
      );
    case 'time':
      return (
        <Field spec={spec}>
          <TextInput source={source} label={label} type="time" fullWidth />
        </Field>
      );
    case 'textList':
      return (
        <Field spec={spec} wide>
          <LinesInput name={source} label={translate(label)} helper={translate('qf.policy.one_per_line')} />
        </Field>
      );
    case 'dateList':
      return (
        <Field spec={spec}>
          <LinesInput name={source} label={translate(label)} helper={translate('qf.policy.dates_help')} />
        </Field>
      );
    case 'enumList':
      return (
        <Field spec={spec} wide>
          <CheckboxGroupInput
            source={source}
            label={label}
            choices={keyed(spec.choices!.values, spec.choices!.prefix)}
          />
        </Field>
      );
    case 'weekdays':
      return (
        <Field spec={spec} wide>
          <CheckboxGroupInput
            source={source}
            label={label}
            choices={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ id: d, name: `qf.policy.weekday.${d}` }))}
          />
        </Field>
      );
    case 'roleRanges':
      return <RoleRangesInput spec={spec} />;
    case 'roleGroups':
      return <RoleGroupsInput spec={spec} />;
    case 'roleMap':
      return <RoleMapInput spec={spec} />;
    case 'categories':
      return (
        <Box sx={{ width: '100%' }}>
          <ListHeading spec={spec} />
          <ArrayInput source={source} label={false}>
            <SimpleFormIterator inline disableReordering>
              <TextInput source="label" label="qf.policy.sub.label" sx={{ width: 520 }} />
              <TextInput source="key" label="qf.policy.sub.key_advanced" sx={advanced} />
            </SimpleFormIterator>
          </ArrayInput>
          <ErrorsUnder name={source} />
        </Box>
      );
    case 'questions':
      return (
        <Box sx={{ width: '100%' }}>
          <ListHeading spec={spec} />
          <ArrayInput source={source} label={false}>
            <SimpleFormIterator inline disableReordering>
              <TextInput source="text" label="qf.policy.sub.text" multiline sx={{ width: 560 }} />
              <TextInput source="key" label="qf.policy.sub.key_advanced" sx={advanced} />
            </SimpleFormIterator>
          </ArrayInput>
          <ErrorsUnder name={source} />
        </Box>
      );
    case 'brackets':
      return (
        <Box sx={{ width: '100%' }}>
          <ListHeading spec={spec} />
          <ArrayInput source={source} label={false}>
            <SimpleFormIterator inline disableReordering getItemDefaults={() => ({ minScore: 0, payPercent: 100 })}>
              <NumberInput
                source="minScore"
                label="qf.policy.sub.minScore"
                {...unitProps('score', translate)}
                sx={{ width: 160 }}
              />
              <PayPercentInput />
            </SimpleFormIterator>
          </ArrayInput>
          <ErrorsUnder name={source} />
        </Box>
      );
    case 'scorecards':
      return (
        <ScorecardsInput source={source} heading={<ListHeading spec={spec} />} errors={<ErrorsUnder name={source} />} />
      );
  }
};
