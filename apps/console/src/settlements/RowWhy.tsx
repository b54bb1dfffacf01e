import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { RuleTag, useRuleTitle } from '../components/RuleTag';
import { formatYuan, type SettlementWhy } from './model';

type On = SettlementWhy['on'];
const list = (why: unknown): SettlementWhy[] => (Array.isArray(why) ? (why as SettlementWhy[]) : []);

/** The key of a why entry's Chinese line: by its rule and the parameters it carries. */
const keyOf = (w: SettlementWhy): string => {
  const p = w.params ?? {};
  if (w.rule === 'H-1' && w.on === 'money') return 'money';
  if (w.on === 'fines') return 'fines_line';
  if (w.rule === 'C-7')
    return w.on === 'suspension' ? 'egregious_year' : w.on === 'exit' ? 'egregious_exit' : 'egregious';
  if (w.rule === 'C-8')
    return 'gradedMonth' in p ? 'serious_graded_month' : 'yearCount' in p ? 'serious_year' : 'serious';
  if (w.rule === 'C-9') return 'yearCount' in p ? 'ordinary_year' : 'ordinary';
  if (w.rule === 'C-10') return 'worst';
  if (w.rule.startsWith('P-') && w.on === 'grade') return 'perception';
  if (w.on === 'training') return 'training';
  return 'other';
};

/** One why entry in the user's language: the rule's line, the counted cases by number and the policy version. */
export const useWhyText = () => {
  const translate = useTranslate();
  const title = useRuleTitle();
  return (w: SettlementWhy): string => {
    const p = w.params ?? {};
    const line = translate(`qf.settlement_why.${keyOf(w)}`, {
      ...p,
      grade: w.grade ?? p.grade ?? '',
      title: title(w.rule),
      bonus: formatYuan(Number(p.postBonusFen)),
      rate: p.ratePercent,
      money: formatYuan(Number(p.moneyFen)),
      fine: formatYuan(Number(p.fineFen)),
    });
    const nos = w.facts?.caseNos ?? [];
    const cases = nos.length ? translate('qf.settlement_why.cases', { cases: nos.join('、') }) : null;
    // issue 18: postings while the computation ran — the ledger holds a different number than the rule counted
    const found =
      w.facts?.casesFound != null && w.facts.ledgerCases
        ? translate('qf.settlement_why.cases_found', { found: w.facts.casesFound, count: w.facts.ledgerCases.count })
        : null;
    const policy = w.policyVersion != null ? translate('qf.settlement_why.policy', { version: w.policyVersion }) : null;
    return [line, cases, found, policy].filter(Boolean).join(' · ');
  };
};

/** Small rule tags (title and policy version in the tooltip) of the why entries that explain one part of the row. */
export const WhyTags = ({ why, on }: { why: unknown; on: On | readonly On[] }) => {
  const parts = typeof on === 'string' ? [on] : on;
  const seen = new Map<string, SettlementWhy>();
  for (const w of list(why)) if (parts.includes(w.on) && !seen.has(w.rule)) seen.set(w.rule, w);
  return (
    <>
      {[...seen.values()].map((w) => (
        <RuleTag key={w.rule} rule={w.rule} policyVersion={w.policyVersion} />
      ))}
    </>
  );
};

/** The row's why, one line per rule: tag, the rule's title and what it counted (cases by number, policy version). */
export const WhyList = ({ why }: { why: unknown }) => {
  const translate = useTranslate();
  const title = useRuleTitle();
  const text = useWhyText();
  const entries = list(why);
  if (entries.length === 0) return null;
  return (
    <Box data-testid="settlement-row-why" sx={{ mb: 1 }}>
      <Typography variant="subtitle2">{translate('qf.settlement_why.title')}</Typography>
      <Stack component="ul" spacing={0.25} sx={{ my: 0.5, pl: 2 }}>
        {entries.map((w, i) => (
          <li key={`${w.rule}-${w.on}-${i}`} data-rule={w.rule}>
            <RuleTag rule={w.rule} policyVersion={w.policyVersion} sx={{ ml: 0 }} />
            {title(w.rule) && (
              <Typography component="span" variant="body2" sx={{ fontWeight: 500, mr: 0.5 }}>
                {title(w.rule)}：
              </Typography>
            )}
            <Typography component="span" variant="body2">
              {text(w)}
            </Typography>
          </li>
        ))}
      </Stack>
    </Box>
  );
};
