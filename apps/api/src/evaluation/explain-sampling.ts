const KIND_ZH: Record<string, string> = { foreman: '工长自评', dispatcher: '调度回访', manager: '管理人员回访' };

/**
 * E-2 in a Chinese sentence with names: why this order was sampled to this evaluator. The numbers come from the rule's
 * own record (libs/domain sampleCallbacks' explanation, kept as `explanationRule`); ids are replaced by 姓名（工号）.
 */
export function explainSampling(
  r: {
    kind: string;
    orderNo: string;
    teamName: string | null;
    closedAt: string | Date;
    repairerName: string;
    evaluatorName: string | null;
    seed: string | null;
    explanationRule: string | null;
  },
  managerPercent: number,
  timeZone: string,
): string {
  const day = new Date(r.closedAt).toLocaleDateString('zh-CN', { timeZone, month: 'long', day: 'numeric' });
  const team = r.teamName ?? '本班组';
  const who = r.evaluatorName ?? '（待分配）';
  if (r.kind === 'foreman')
    return `工长${who}对${team}${day}关闭的每张可评价工单进行自评，工单 ${r.orderNo} 是其中之一（E-2）。`;
  const m = /has (\d+) of (\d+) orders; (\d+) of the (\d+) manager callbacks \((\d+)%\)/.exec(r.explanationRule ?? '');
  const kind = KIND_ZH[r.kind] ?? r.kind;
  if (!m) return `工单 ${r.orderNo}（${team}，${day}关闭）抽中为${kind}，按轮转分配给${who}（E-2）。`;
  const [, own, total, share, managers, pct] = m;
  return (
    `${team}${day}共关闭 ${total} 张可评价工单，其中维修人员${r.repairerName}有 ${own} 张。按 ${pct || managerPercent}% 的比例，当日 ${managers} 张由管理人员回访，` +
    `按最大余数法分给该维修人员 ${share} 张，其余由调度回访。工单 ${r.orderNo} 经随机抽取（种子 ${r.seed ?? '—'}）为${kind}，按轮转分配给${who}；工长同时对其自评（E-2）。`
  );
}
