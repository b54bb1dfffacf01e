import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslate } from 'react-admin';
import { RuleTag } from '../components/RuleTag';
import { labelKey, POLICY_SECTIONS } from './catalogue';
import { formatField } from './format';

const getIn = (v: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>)[k] : undefined),
      v,
    );

/** A policy body for reading: sections and groups of labelled values in 元 / 分 / 天, each with its rule. */
export const PolicyView = ({ body, version }: { body: unknown; version?: number }) => {
  const translate = useTranslate();
  return (
    <Box data-testid="policy-view">
      {POLICY_SECTIONS.map((s) => (
        <Accordion key={s.key} defaultExpanded={s.key === 'complaints'} disableGutters data-section={s.key}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography sx={{ fontWeight: 500 }}>{translate(`qf.policy.section.${s.key}`)}</Typography>
          </AccordionSummary>
          <AccordionDetails>
            {s.groups.map((g) => (
              <Box key={g.key} sx={{ mb: 1.5 }}>
                <Typography variant="subtitle2" color="primary">
                  {translate(`qf.policy.grp.${g.key}`)}
                </Typography>
                <Table size="small">
                  <TableBody>
                    {g.fields.map((f) => (
                      <TableRow key={f.path} data-field={f.path}>
                        <TableCell sx={{ width: '38%' }}>
                          {translate(labelKey(f.path))}
                          {f.rule && <RuleTag rule={f.rule} policyVersion={version} />}
                        </TableCell>
                        <TableCell sx={{ fontSize: 13 }}>{formatField(f, getIn(body, f.path), translate)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            ))}
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
};
