import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useMemo } from 'react';
import {
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import dagre from '@dagrejs/dagre';
import { END, flowGraph, START, type FlowGraphEdge } from './graph';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const numOf = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() && Number.isFinite(Number(v))
      ? Number(v)
      : undefined;

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

/** Where a case stands at a stage (the case page); the flow editor draws the definition without it. */
export type StageState = 'done' | 'current' | 'pending' | 'skipped';
export interface StageProgress {
  state: StageState;
  /** what happened or waits there: 姓名（工号） and times, already in the user's language */
  lines: string[];
}

const W = 230; // stage box width
const H_DEF = 188; // box height with the definition's five lines (flow editor)
const H_CASE = 170; // box height on the case page (who + what happened)
const DOT = 36; // start and end

type StageData = { index: number; stage: Rec; progress?: StageProgress; height: number };
type DotData = { end: boolean; reached: boolean };

const STATE_STYLE: Record<StageState, { border: string; bg: string; width: number }> = {
  current: { border: 'warning.main', bg: 'rgba(237,108,2,0.10)', width: 3 },
  done: { border: 'success.main', bg: 'rgba(46,125,50,0.06)', width: 1 },
  pending: { border: 'grey.400', bg: 'background.paper', width: 1 },
  skipped: { border: 'grey.300', bg: 'grey.100', width: 1 },
};

const hidden = { opacity: 0, pointerEvents: 'none' as const };
const Handles = () => (
  <>
    <Handle type="target" position={Position.Left} id="in" style={hidden} isConnectable={false} />
    <Handle type="source" position={Position.Right} id="out" style={hidden} isConnectable={false} />
    <Handle type="source" position={Position.Bottom} id="back-out" style={hidden} isConnectable={false} />
    <Handle type="target" position={Position.Bottom} id="back-in" style={hidden} isConnectable={false} />
    <Handle type="source" position={Position.Top} id="skip-out" style={hidden} isConnectable={false} />
    <Handle type="target" position={Position.Top} id="skip-in" style={hidden} isConnectable={false} />
  </>
);

const StageNode = ({ data }: NodeProps<Node<StageData>>) => {
  const translate = useTranslate();
  const text = useStageText();
  const s = data.stage;
  const p = data.progress;
  const look = STATE_STYLE[p?.state ?? 'pending'];
  return (
    <Box
      data-testid="flow-stage"
      data-stage-key={typeof s.key === 'string' ? s.key : ''}
      data-state={p?.state ?? ''}
      sx={{
        width: W,
        height: data.height,
        boxSizing: 'border-box',
        border: look.width,
        borderColor: p ? look.border : 'primary.main',
        borderRadius: 2,
        bgcolor: p ? look.bg : 'background.paper',
        p: 1.25,
        overflow: 'hidden',
        display: 'flex',
        flexDirection: 'column',
        gap: 0.25,
        cursor: 'default',
      }}
    >
      <Handles />
      <Typography variant="subtitle2" noWrap title={String(s.label ?? '')}>
        {data.index + 1}. {typeof s.label === 'string' && s.label ? s.label : '—'}
        {p && (
          <Box
            component="span"
            sx={{ ml: 1, fontWeight: 400, color: p.state === 'current' ? 'warning.dark' : 'text.secondary' }}
          >
            {translate(`qf.flow_diagram.state.${p.state}`)}
          </Box>
        )}
      </Typography>
      <Line caption={translate('qf.flow.d.who')} text={text.who(s)} />
      {p ? (
        p.lines.map((l, i) => (
          <Typography
            key={i}
            variant="body2"
            title={l}
            sx={{
              fontSize: 12.5,
              lineHeight: 1.35,
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
              flexShrink: 0,
            }}
          >
            {l}
          </Typography>
        ))
      ) : (
        <>
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
        </>
      )}
    </Box>
  );
};

const DotNode = ({ data }: NodeProps<Node<DotData>>) => {
  const translate = useTranslate();
  return (
    <Box
      data-testid={data.end ? 'flow-end' : 'flow-start'}
      data-state={data.reached ? 'done' : ''}
      title={translate(data.end ? 'qf.flow_diagram.end' : 'qf.flow_diagram.start')}
      sx={{
        width: DOT,
        height: DOT,
        borderRadius: '50%',
        border: data.end ? 3 : 2,
        borderColor: data.reached ? 'success.main' : 'grey.500',
        bgcolor: 'background.paper',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontSize: 12,
      }}
    >
      <Handles />
      {translate(data.end ? 'qf.flow_diagram.end_short' : 'qf.flow_diagram.start_short')}
    </Box>
  );
};

const nodeTypes: NodeTypes = { stage: StageNode, dot: DotNode };

const EDGE_COLOR: Record<FlowGraphEdge['kind'], string> = { next: '#616161', return: '#d32f2f', branch: '#1565c0' };

/**
 * One diagram of a flow for the flow editor (its definition, live while the form changes) and for every case page
 * (`progress`: the stages done with who and when, the current one highlighted with its assignees and due time).
 * Laid out by dagre (left to right), drawn by React Flow: 退回 edges run below the boxes, branches that pass a stage
 * run above them.
 */
export const FlowDiagram = ({
  stages,
  kind,
  progress,
  closed = false,
}: {
  stages: unknown;
  kind?: string;
  progress?: Record<string, StageProgress>;
  /** the case has ended: the end dot shows reached */
  closed?: boolean;
}) => {
  const translate = useTranslate();
  const graph = useMemo(() => flowGraph(kind, stages), [kind, stages]);
  const height = progress ? H_CASE : H_DEF;
  const { nodes, edges, width, fullHeight } = useMemo(() => {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 56, marginx: 8, marginy: 8 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of graph.nodes) {
      const dot = n.id === START || n.id === END;
      g.setNode(n.id, { width: dot ? DOT : W, height: dot ? DOT : height });
    }
    // only the forward edges shape the layout: a chain, left to right
    for (const e of graph.edges) if (e.kind === 'next') g.setEdge(e.from, e.to);
    dagre.layout(g);
    const nodes: Node[] = graph.nodes.map((n) => {
      const p = g.node(n.id);
      const dot = n.id === START || n.id === END;
      const w = dot ? DOT : W;
      const h = dot ? DOT : height;
      return {
        id: n.id,
        type: dot ? 'dot' : 'stage',
        position: { x: p.x - w / 2, y: p.y - h / 2 },
        data: dot
          ? { end: n.id === END, reached: n.id === START ? !!progress : closed }
          : { index: n.index!, stage: n.stage!, progress: progress?.[n.id], height },
        draggable: false,
        selectable: false,
        connectable: false,
      };
    });
    const edges: Edge[] = graph.edges.map((e) => {
      const color = EDGE_COLOR[e.kind];
      const handles =
        e.kind === 'return'
          ? { sourceHandle: 'back-out', targetHandle: 'back-in' }
          : e.kind === 'branch'
            ? { sourceHandle: 'skip-out', targetHandle: 'skip-in' }
            : { sourceHandle: 'out', targetHandle: 'in' };
      return {
        id: e.id,
        source: e.from,
        target: e.to,
        ...handles,
        type: e.kind === 'next' ? 'default' : 'smoothstep',
        pathOptions: e.kind === 'next' ? undefined : { offset: 28, borderRadius: 10 },
        label: e.label ? translate(e.label, { _: e.label }) : undefined,
        labelStyle: { fill: color, fontSize: 12 },
        labelBgStyle: { fill: '#fff' },
        style: {
          stroke: color,
          strokeWidth: e.kind === 'next' ? 2 : 1.5,
          strokeDasharray: e.kind === 'return' ? '5 4' : undefined,
        },
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
        focusable: false,
        selectable: false,
      } as Edge;
    });
    const info = g.graph();
    return { nodes, edges, width: info.width ?? 800, fullHeight: (info.height ?? height) + 90 };
  }, [graph, height, progress, closed, translate]);

  if (graph.nodes.length <= 2) {
    return <Typography color="text.secondary">{translate('qf.flow.no_stages')}</Typography>;
  }
  return (
    <Box data-testid="flow-diagram" sx={{ overflowX: 'auto', py: 1 }}>
      <Box sx={{ width, minWidth: width, height: fullHeight }}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ padding: 0.06, maxZoom: 1, minZoom: 1 }}
          minZoom={1}
          maxZoom={1}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          panOnDrag={false}
          zoomOnScroll={false}
          zoomOnPinch={false}
          zoomOnDoubleClick={false}
          preventScrolling={false}
          proOptions={{ hideAttribution: true }}
          ariaLabelConfig={{
            'node.a11yDescription.default': translate('qf.flow_diagram.a11y'),
            'node.a11yDescription.keyboardDisabled': translate('qf.flow_diagram.a11y'),
            'edge.a11yDescription.default': translate('qf.flow_diagram.a11y'),
          }}
        />
      </Box>
    </Box>
  );
};
