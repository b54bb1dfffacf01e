import { lazy } from 'react';
import { GlobalStyles, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ChartSection, Section } from '../components/Section';
import type { QuarterlyRecord } from './model';

// recharts is large: loaded after the page is on screen
const QuarterlyCharts = lazy(() => import('./QuarterlyCharts'));
const T = 'qf.quarterly';

/** Printing the page prints the report only: the console's bars, menus and buttons are left out. */
export const PrintStyles = () => (
  <GlobalStyles
    styles={{
      '@media print': {
        'header, nav, .RaSidebar-fixed, .MuiDrawer-root, .RaTopToolbar-root, button, .qf-no-print': {
          display: 'none !important',
        },
        '.RaLayout-content, .RaShow-main': { margin: '0 !important', padding: '0 !important' },
        '.qf-report': { breakInside: 'avoid' },
      },
    }}
  />
);

const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
const signed = (v: number | null) => (v === null ? '—' : v > 0 ? `+${v}` : String(v));

/** Q-1 report: the ranking with each indicator's score, the trend against the previous quarter, worst indicators. */
export const QuarterlyReport = ({ record }: { record: QuarterlyRecord }) => {
  const translate = useTranslate();
  const results = record.results ?? [];
  if (!results.length) return null;
  return (
    <Section title={translate(`${T}.report_heading`, { period: record.period })} testId="quarterly-report">
      <PrintStyles />
      <Table size="small" className="qf-report">
        <TableHead>
          <TableRow>
            <TableCell>{translate(`${T}.rank`)}</TableCell>
            <TableCell>{translate(`${T}.unit`)}</TableCell>
            <TableCell align="right">{translate(`${T}.score`)}</TableCell>
            <TableCell align="right">{translate(`${T}.previous`, { period: record.previousPeriod ?? '' })}</TableCell>
            <TableCell align="right">{translate(`${T}.trend`)}</TableCell>
            {record.indicators.map((i) => (
              <TableCell key={i.code} align="right">
                {i.name}（{i.weight}%）
              </TableCell>
            ))}
            <TableCell>{translate(`${T}.worst`)}</TableCell>
            <TableCell>{translate(`${T}.head`)}</TableCell>
            <TableCell>{translate(`${T}.acknowledged`)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {results.map((r) => (
            <TableRow key={r.unitId} data-testid="quarterly-result-row">
              <TableCell>{r.rank}</TableCell>
              <TableCell>{r.unitName}</TableCell>
              <TableCell align="right">{r.score}</TableCell>
              <TableCell align="right">{num(r.previousScore)}</TableCell>
              <TableCell align="right">{signed(r.trend)}</TableCell>
              {record.indicators.map((i) => {
                const x = r.indicators.find((y) => y.code === i.code);
                return (
                  <TableCell key={i.code} align="right">
                    {num(x?.value)} / {num(x?.score)}
                  </TableCell>
                );
              })}
              <TableCell>{r.worst.map((w) => `${w.name}（-${w.lost}）`).join('、') || '—'}</TableCell>
              <TableCell>{r.headName ?? '—'}</TableCell>
              <TableCell>
                {r.acknowledgedAt
                  ? new Date(r.acknowledgedAt).toLocaleString('zh-CN')
                  : translate(`${T}.not_acknowledged`)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary">
        {translate(`${T}.score_help`)}
      </Typography>
      <ChartSection title={translate(`${T}.charts`)}>
        <QuarterlyCharts
          results={results}
          indicators={record.indicators}
          labels={{
            score: translate(`${T}.score`),
            previous: translate(`${T}.previous`, { period: record.previousPeriod ?? '' }),
            current: translate(`${T}.current`, { period: record.period }),
            lost: translate(`${T}.lost`),
          }}
        />
      </ChartSection>
    </Section>
  );
};
