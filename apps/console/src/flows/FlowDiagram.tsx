import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const numOf = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() && Number.isFinite(Number(v))
      ? Number(v)
      : undefined;

const W = 240; // box width
const H = 188; // box height (items wrap to two lines)
const GAP = 64; // room for the forward arrow
const BACK = 56; // room below the boxes for return arrows

/** Texts of one stage box; tolerant of half-filled form values (the diagram also runs under the editor). */
const useStageText = () => {
  const translate = useTranslate();
  const t = (key: string, opts?: Rec) => translate(key, opts);

  const duration = (v: unknown): string | undefined => {
    if (!isRec(v)) return undefined;
    const parts: string[] = [];
    const wd = numOf(v.workingDays);
    const h = numOf(v.hours);
    if (wd !== undefined) parts.push(t('qf.flow.d.working_days', { n: wd }));
    if (h !== undefined) parts.push(t('qf.flow.d.hours', { n: h }));
    return parts.length ? parts.join(' ') : undefined;
  };

  const who = (s: Rec): string => {
    const a = isRec(s.assignee) ? s.assignee : {};
    let base = '?';
    if (a.kind === 'role' && typeof a.role === 'string' && a.role) base = t(`qf.roles.${a.role}`, { _: a.role });
    else if (a.kind === 'relation' && typeof a.relation === 'string' && a.relation)
      base = t(`qf.flow.relation.${a.relation}`, { _: a.relation });
    const extras: string[] = [];
    if (s.assignment === 'each') extras.push(t('qf.flow.assignment.each'));
    const required = numOf(s.required);
    if (required !== undefined && required > 1) extras.push(t('qf.flow.d.required', { n: required }));
    return extras.length ? `${base} (${extras.join(', ')})` : base;
  };

  const mode = (s: Rec): string => {
    const m = isRec(s.mode) ? s.mode : { kind: 'one' };
    switch (m.kind) {
      case 'all':
        return t('qf.flow.d.mode_all');
      case 'quorum': {
        const n = numOf(m.n);
        const f = numOf(m.fraction);
        if (n !== undefined) return t('qf.flow.d.mode_quorum_n', { n });
        if (f !== undefined) return t('qf.flow.d.mode_quorum_fraction', { p: Math.round(f * 100) });
        return t('qf.flow.mode.quorum');
      }
      case 'majority': {
        const q = numOf(m.quorumFraction) ?? 2 / 3;
        return t('qf.flow.d.mode_majority', { p: Math.round(q * 100) });
      }
      default:
        return t('qf.flow.d.mode_one');
    }
  };

  const deadline = (s: Rec): string => {
    const d = duration(s.deadline);
    if (!d) return t('qf.flow.d.no_deadline');
    const r = duration(s.reminderBefore);
    return r ? t('qf.flow.d.deadline_reminder', { d, r }) : t('qf.flow.d.deadline', { d });
  };

  const escalation = (s: Rec): string => {
    if (typeof s.escalateTo !== 'string' || !s.escalateTo) return t('qf.flow.d.no_escalation');
    const role = t(`qf.roles.${s.escalateTo}`, { _: s.escalateTo });
    const after = duration(s.escalateAfter);
    return after ? t('qf.flow.d.escalation_after', { role, after }) : t('qf.flow.d.escalation', { role });
  };

  return { who, mode, deadline, escalation };
};

const Line = ({ caption, text }: { caption: string; text: string }) => {
  const sep = useTranslate()('qf.flow.d.sep');
  return (
    <Typography
      variant="body2"
      title={`${caption}${sep}${text}`}
      sx={{
        fontSize: 12.5,
        lineHeight: 1.35,
        display: '-webkit-box',
        WebkitLineClamp: 2,
        WebkitBoxOrient: 'vertical',
        overflow: 'hidden',
      }}
    >
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {caption}
        {sep}
      </Box>
      {text}
    </Typography>
  );
};

/**
 * The stages of a flow as a horizontal chain of boxes with arrows; a stage with the 'return' action
 * gets a dashed back arrow to the previous stage. Plain MUI boxes with an SVG overlay for the arrows.
 */
export const FlowDiagram = ({ stages }: { stages: unknown }) => {
  const translate = useTranslate();
  const text = useStageText();
  const list = (Array.isArray(stages) ? stages : []).map((s) => (isRec(s) ? s : {}));
  if (list.length === 0) {
    return <Typography color="text.secondary">{translate('qf.flow.no_stages')}</Typography>;
  }
  const returns = list.map((s, i) => i > 0 && Array.isArray(s.actions) && s.actions.includes('return'));
  const hasReturn = returns.some(Boolean);
  const width = list.length * W + (list.length - 1) * GAP;
  const height = H + (hasReturn ? BACK : 0);
  const x = (i: number) => i * (W + GAP);

  return (
    <Box sx={{ overflowX: 'auto', py: 1 }}>
      <Box sx={{ position: 'relative', width, height, minWidth: width }}>
        <svg
          width={width}
          height={height}
          style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}
          aria-hidden
        >
          <defs>
            <marker
              id="qf-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill="#616161" />
            </marker>
            <marker
              id="qf-arrow-back"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill="#d32f2f" />
            </marker>
          </defs>
          {list.slice(1).map((_, j) => {
            const from = x(j) + W;
            const to = x(j + 1);
            return (
              <line
                key={`f${j}`}
                x1={from + 2}
                y1={H / 2}
                x2={to - 2}
                y2={H / 2}
                stroke="#616161"
                strokeWidth={2}
                markerEnd="url(#qf-arrow)"
              />
            );
          })}
          {returns.map((r, i) => {
            if (!r) return null;
            const sx = x(i) + W / 2;
            const tx = x(i - 1) + W / 2;
            const y = H + 2;
            const low = H + BACK - 14;
            return (
              <g key={`b${i}`}>
                <path
                  d={`M${sx},${y} C${sx},${low} ${tx},${low} ${tx},${y + 2}`}
                  fill="none"
                  stroke="#d32f2f"
                  strokeWidth={1.5}
                  strokeDasharray="5 4"
                  markerEnd="url(#qf-arrow-back)"
                />
                <text x={(sx + tx) / 2} y={low + 10} textAnchor="middle" fontSize={12} fill="#d32f2f">
                  {translate('qf.actions.return')}
                </text>
              </g>
            );
          })}
        </svg>
        {list.map((s, i) => (
          <Box
            key={i}
            sx={{
              position: 'absolute',
              left: x(i),
              top: 0,
              width: W,
              height: H,
              boxSizing: 'border-box',
              border: 1,
              borderColor: 'primary.main',
              borderRadius: 2,
              bgcolor: 'background.paper',
              p: 1.25,
              overflow: 'hidden',
              display: 'flex',
              flexDirection: 'column',
              gap: 0.25,
            }}
          >
            <Typography
              variant="subtitle2"
              noWrap
              title={String(s.label ?? '')}
              data-stage-key={typeof s.key === 'string' ? s.key : ''}
            >
              {i + 1}. {typeof s.label === 'string' && s.label ? s.label : '—'}
            </Typography>
            <Line caption={translate('qf.flow.d.who')} text={text.who(s)} />
            <Line caption={translate('qf.flow.d.mode')} text={text.mode(s)} />
            <Line caption={translate('qf.flow.d.time')} text={text.deadline(s)} />
            <Line caption={translate('qf.flow.d.escalate')} text={text.escalation(s)} />
            <Line
              caption={translate('qf.flow.d.actions')}
              text={
                Array.isArray(s.actions) && s.actions.length
                  ? s.actions.map((a) => translate(`qf.actions.${String(a)}`, { _: String(a) })).join('、')
                  : '—'
              }
            />
          </Box>
        ))}
      </Box>
    </Box>
  );
};
