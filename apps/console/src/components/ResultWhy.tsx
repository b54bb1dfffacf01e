import { useState, type MouseEvent } from 'react';
import { Box, Button, Chip, Popover, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { RuleTag } from './RuleTag';

/** A computed result's why (issue 16; `ResultWhyView` of @qf/contracts): rules, pinned policy version, counted facts. */
export interface ResultWhyValue {
  rules: string[];
  policyVersion: number | null;
  facts: { code: string; params: Record<string, string | number> }[];
}

/**
 * The rule tags (title and policy version in their tooltip), the policy as "政策 v3", and a 查看依据 button opening the
 * counted facts in the user's language (`qf.result_why.<code>`; people and orders by name and number).
 */
export const ResultWhy = ({ why, testId }: { why: ResultWhyValue | null | undefined; testId?: string }) => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!why) return <span>—</span>;
  const policy =
    why.policyVersion != null
      ? translate('qf.result_why.policy', { version: why.policyVersion })
      : translate('qf.result_why.no_policy');
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap' }} data-testid={testId} className="qf-result-why">
      {why.rules.map((r) => (
        <RuleTag key={r} rule={r} policyVersion={why.policyVersion} sx={{ mx: 0.25 }} />
      ))}
      <Chip label={policy} size="small" sx={{ height: 20, fontSize: '0.72rem', mx: 0.25 }} />
      <Button
        size="small"
        sx={{ minWidth: 0, py: 0 }}
        aria-haspopup="dialog"
        onClick={(e: MouseEvent<HTMLElement>) => setAnchor(e.currentTarget)}
      >
        {translate('qf.result_why.open')}
      </Button>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        <Box sx={{ p: 1.5, maxWidth: 520 }} data-testid={testId ? `${testId}-facts` : undefined} role="dialog">
          <Typography variant="subtitle2" component="div">
            {why.rules.map((r) => `${r} ${translate(`qf.rules.${r}`, { _: '' })}`).join(' · ')} · {policy}
          </Typography>
          <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
            {why.facts.map((f, i) => (
              <Typography key={i} component="li" variant="body2">
                {translate(`qf.result_why.${f.code}`, { ...f.params, _: '—' })}
              </Typography>
            ))}
          </Box>
        </Box>
      </Popover>
    </Box>
  );
};
