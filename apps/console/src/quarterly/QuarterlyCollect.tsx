import { useState } from 'react';
import {
  Alert,
  Button as MuiButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { Link, useNotify, useRefresh, useTranslate } from 'react-admin';
import { ImportButton } from '../components/ImportButton';
import { useApiCall, useProblemText } from '../components/problem';
import { API_URL, httpClient } from '../dataProvider';
import { Section } from '../components/Section';
import type { QuarterlyRecord } from './model';

const T = 'qf.quarterly';
/** the import's header: the unit and indicator by name (or code), and the value */
const IMPORT_COLUMNS = ['单位', '指标', '数值'] as const;

/** Q-1 data collection: a value per unit and indicator (the product's own results filled in), saved together. */
export const ValuesTable = ({ record, editable }: { record: QuarterlyRecord; editable: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { busy, run } = useApiCall();
  const { problemText } = useProblemText();
  const stored = new Map((record.values ?? []).map((v) => [`${v.unitId}:${v.indicator}`, v.value]));
  const [edits, setEdits] = useState<Record<string, string>>({});
  const save = () =>
    run(
      async () => {
        const values = Object.entries(edits)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => {
            const [unitId, indicator] = k.split(':');
            return { unitId, indicator, value: Number(v) };
          });
        await httpClient(`${API_URL}/quarterly-assessments/${record.id}/values`, {
          method: 'PUT',
          body: JSON.stringify({ values }),
        });
        setEdits({});
        notify(`${T}.values_saved`, { type: 'success' });
        refresh();
      },
      (p) => notify(problemText(p), { type: 'error' }),
    );
  return (
    <Section title={translate(`${T}.values`)} testId="quarterly-values">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate(`${T}.unit`)}</TableCell>
            {record.indicators.map((i) => (
              <TableCell key={i.code}>
                {i.name}（{translate(`${T}.source.${i.source}`)}）
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {(record.units ?? []).map((u) => (
            <TableRow key={u.id}>
              <TableCell>{u.name}</TableCell>
              {record.indicators.map((i) => {
                const k = `${u.id}:${i.code}`;
                const v = edits[k] ?? (stored.has(k) ? String(stored.get(k)) : '');
                return (
                  <TableCell key={i.code}>
                    {editable ? (
                      <TextField
                        size="small"
                        type="number"
                        value={v}
                        onChange={(e) => setEdits({ ...edits, [k]: e.target.value })}
                        slotProps={{ htmlInput: { 'aria-label': `${u.name} ${i.name}` } }}
                      />
                    ) : (
                      v || '—'
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editable && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
          <MuiButton
            variant="contained"
            disabled={busy || !Object.keys(edits).length}
            onClick={save}
            data-testid="quarterly-save-values"
          >
            {translate(`${T}.save_values`)}
          </MuiButton>
          {/* the values from a spreadsheet, all rows or none (POST …/values/import) */}
          <ImportButton
            endpoint={`quarterly-assessments/${encodeURIComponent(record.id)}/values/import`}
            columns={IMPORT_COLUMNS}
            templateName="quarterly-values-template.csv"
            titleKey={`${T}.import_title`}
            helpKey={`${T}.import_help`}
            doneKey={`${T}.import_done`}
          />
        </Stack>
      )}
    </Section>
  );
};

/** internal review findings of the plan's teams; each becomes a rectification when the report is issued. */
export const Findings = ({
  record,
  teams,
  editable,
}: {
  record: QuarterlyRecord;
  teams: { id: string; name: string }[];
  editable: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { busy, run } = useApiCall();
  const { problemText } = useProblemText();
  const [team, setTeam] = useState('');
  const [description, setDescription] = useState('');
  const add = () =>
    run(
      async () => {
        await httpClient(`${API_URL}/quarterly-assessments/${record.id}/findings`, {
          method: 'POST',
          body: JSON.stringify({ teamUnitId: team, description }),
        });
        setDescription('');
        notify(`${T}.finding_saved`, { type: 'success' });
        refresh();
      },
      (p) => notify(problemText(p), { type: 'error' }),
    );
  const findings = record.findings ?? [];
  return (
    <Section title={translate(`${T}.findings`)} testId="quarterly-findings">
      {!findings.length && <Alert severity="info">{translate(`${T}.no_findings`)}</Alert>}
      {findings.map((f) => (
        <Alert key={f.id} severity={f.rectificationCaseId ? 'success' : 'warning'} sx={{ mb: 1 }}>
          {f.teamName}：{f.description}
          {f.rectificationCaseId && (
            <>
              {' '}
              <Link to={`/cases/${encodeURIComponent(f.rectificationCaseId)}/show`}>
                {translate(`${T}.open_rectification`)}
              </Link>
            </>
          )}
        </Alert>
      ))}
      {editable && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <TextField
            select
            size="small"
            label={translate(`${T}.team`)}
            value={team}
            onChange={(e) => setTeam(e.target.value)}
            sx={{ minWidth: 220 }}
            data-testid="quarterly-finding-team"
          >
            {teams.map((t) => (
              <MenuItem key={t.id} value={t.id}>
                {t.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label={translate(`${T}.finding`)}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            sx={{ flex: 1 }}
          />
          <MuiButton variant="outlined" disabled={busy || !team || !description.trim()} onClick={add}>
            {translate(`${T}.add_finding`)}
          </MuiButton>
        </Stack>
      )}
    </Section>
  );
};
