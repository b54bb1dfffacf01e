import { Chip, Tooltip, type SxProps, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Title of a RULES.md rule in the user's language (`qf.rules.<ID>`), '' when unknown. */
export const useRuleTitle = () => {
  const translate = useTranslate();
  return (rule: string) => translate(`qf.rules.${rule}`, { _: '' });
};

export interface RuleTagProps {
  /** RULES.md ID, e.g. "C-3" */
  rule: string;
  /** The policy version the case pinned (shown in the tooltip). */
  policyVersion?: number | string | null;
  sx?: SxProps<Theme>;
}

/**
 * A rule ID as a small chip ("C-3"); its tooltip is the rule's title and the pinned policy version
 * ("C-3：责任认定与扣分标准 · 政策版本 3").
 */
export const RuleTag = ({ rule, policyVersion, sx }: RuleTagProps) => {
  const translate = useTranslate();
  const title = translate(`qf.rules.${rule}`, { _: '' });
  const lines = [
    title ? translate('qf.errors.rule_tag', { rule, title, _: `${rule}: ${title}` }) : rule,
    policyVersion != null && policyVersion !== ''
      ? translate('qf.errors.policy_version', { version: policyVersion, _: `v${policyVersion}` })
      : null,
  ].filter(Boolean);
  return (
    <Tooltip title={lines.join(' · ')} arrow>
      <Chip
        label={rule}
        size="small"
        variant="outlined"
        data-rule={rule}
        className="qf-rule-tag"
        aria-label={lines.join(' · ')}
        sx={{
          height: 20,
          fontSize: '0.72rem',
          mx: 0.5,
          verticalAlign: 'middle',
          '& .MuiChip-label': { px: 0.75 },
          ...sx,
        }}
      />
    </Tooltip>
  );
};
