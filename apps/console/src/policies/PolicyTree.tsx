import { Accordion, AccordionDetails, AccordionSummary, Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslate } from 'react-admin';
import { fieldLabelKey, formatLeaf, isRec, leaves, POLICY_GROUPS } from './model';

/** Second-level grouping inside a top-level group: `deadlines.x` rows sit under a "deadlines" sub-heading. */
const subgroups = (rows: [string, unknown][]) => {
  const out: { name: string; rows: [string, unknown][] }[] = [];
  for (const [path, value] of rows) {
    const m = /^([^.[]+)[.[]/.exec(path);
    const name = m ? m[1] : '';
    let g = out.find((x) => x.name === name);
    if (!g) out.push((g = { name, rows: [] }));
    g.rows.push([m ? path.slice(name.length).replace(/^\./, '') : path, value]);
  }
  // Single values first, then the sub-groups.
  return out.sort((a, b) => (a.name === '' ? -1 : b.name === '' ? 1 : 0));
};

/** A policy body as collapsible groups of readable tables (one row per number or list). */
export const PolicyTree = ({ body }: { body: unknown }) => {
  const translate = useTranslate();
  if (!isRec(body)) return <Typography color="text.secondary">—</Typography>;
  const groups = [...POLICY_GROUPS.filter((g) => g in body), ...Object.keys(body).filter((k) => !(POLICY_GROUPS as readonly string[]).includes(k))];
  return (
    <Box>
      {groups.map((g) => (
        <Accordion key={g} defaultExpanded={g === 'complaints'} disableGutters>
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography sx={{ fontWeight: 500 }}>
              {translate(`qf.policy.group.${g}`, { _: g })}{' '}
              <Typography component="span" variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                {g}
              </Typography>
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            {subgroups(leaves(body[g])).map((sg) => (
              <Box key={sg.name || '_'} sx={{ mb: 1.5 }}>
                {sg.name && (
                  <Typography variant="subtitle2" color="primary" sx={{ fontFamily: 'monospace' }}>
                    {sg.name}
                  </Typography>
                )}
                <Table size="small">
                  <TableBody>
                    {sg.rows.map(([path, value]) => {
                      const full = [g, sg.name, path].filter(Boolean).join('.').replace(/\.\[/g, '[');
                      return (
                        <TableRow key={path}>
                          <TableCell sx={{ width: '45%', fontFamily: 'monospace', fontSize: 12.5, color: 'text.secondary' }}>
                            {path || sg.name || g}
                            {translate(fieldLabelKey(full), { _: '' }) && (
                              <Box component="span" sx={{ fontFamily: 'inherit', color: 'text.primary', ml: 1 }}>
                                {translate(fieldLabelKey(full), { _: '' })}
                              </Box>
                            )}
                          </TableCell>
                          <TableCell sx={{ fontSize: 13 }}>{formatLeaf(full, value)}</TableCell>
                        </TableRow>
                      );
                    })}
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
