/**
 * A flow definition as a graph for its diagram: start → stages → end, a 退回 edge back to the stage before for a
 * stage that may return, and the branches the process's workflow takes (they are the workflow's, by stage key: a
 * complaint closes at verification when it is not liable, and the appeal decision happens only after an appeal).
 * Pure: the flow editor (half-filled forms too) and the case page draw the same graph.
 */
export const START = '__start';
export const END = '__end';

export type EdgeKind = 'next' | 'return' | 'branch';
export interface FlowGraphNode {
  id: string;
  /** index in the flow's stages; undefined for start and end */
  index?: number;
  stage?: Record<string, unknown>;
}
export interface FlowGraphEdge {
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** i18n key of the edge's label (qf.flow.edge.*) */
  label?: string;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Branches by process kind and stage key (complaintLiability in workflows/src: C-2 verification verdict, C-12 appeal
 * window): `next` labels the ordinary edge to the following stage; `skip` ends the case from this stage.
 */
const BRANCHES: Record<string, Record<string, { next?: string; skip?: string; skipTo?: 'end' | 'after-next' }>> = {
  complaint: {
    verify: { next: 'qf.flow.edge.liable', skip: 'qf.flow.edge.not_liable', skipTo: 'end' },
    appeal: { next: 'qf.flow.edge.appealed', skip: 'qf.flow.edge.no_appeal', skipTo: 'after-next' },
  },
};

export function flowGraph(
  kind: string | undefined,
  stages: unknown,
): { nodes: FlowGraphNode[]; edges: FlowGraphEdge[] } {
  const list = (Array.isArray(stages) ? stages : []).map((s) => (isRec(s) ? s : {}));
  const ids = list.map((s, i) => (typeof s.key === 'string' && s.key ? s.key : `__stage${i}`));
  const nodes: FlowGraphNode[] = [
    { id: START },
    ...list.map((stage, index) => ({ id: ids[index], index, stage })),
    { id: END },
  ];
  const at = (i: number) => (i < 0 ? START : i >= ids.length ? END : ids[i]);
  const edges: FlowGraphEdge[] = [];
  const add = (from: string, to: string, kind: EdgeKind, label?: string) =>
    edges.push({ id: `${from}->${to}:${kind}`, from, to, kind, label });
  add(START, at(0), 'next');
  const branches = (kind && BRANCHES[kind]) || {};
  list.forEach((s, i) => {
    const b = branches[ids[i]];
    add(ids[i], at(i + 1), 'next', b?.next);
    if (b?.skip) {
      const to = b.skipTo === 'after-next' ? at(i + 2) : END;
      // no second edge where the skip lands where the next edge already goes (the stage after is the last)
      if (to !== at(i + 1)) add(ids[i], to, 'branch', b.skip);
    }
    if (i > 0 && Array.isArray(s.actions) && s.actions.includes('return'))
      add(ids[i], ids[i - 1], 'return', 'qf.actions.return');
  });
  return { nodes, edges };
}
