import ExcelJS from 'exceljs';

interface ReportPlan {
  period: string;
  title: string;
  previousPeriod: string;
  indicators: { code: string; name: string; weight: number }[];
  results: {
    unitName: string;
    score: number;
    rank: number;
    previousScore: number | null;
    trend: number | null;
    indicators: { code: string; value: number | null; score: number }[];
    worst: { name: string; lost: number }[];
    headName: string | null;
    acknowledgedAt: string | null;
  }[];
  findings: { teamName: string; description: string }[];
}

/** Q-1 report: the ranking with each indicator's value and score, the trend and the worst indicators; the findings. */
export function quarterlyWorkbook(p: ReportPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${p.period} 考核结果`);
  ws.columns = [
    { header: '排名', key: 'rank', width: 6 },
    { header: '单位', key: 'unit', width: 22 },
    { header: '得分', key: 'score', width: 8 },
    { header: `上季度(${p.previousPeriod})`, key: 'previous', width: 14 },
    { header: '环比', key: 'trend', width: 8 },
    ...p.indicators.flatMap((i) => [
      { header: `${i.name}(${i.weight}%)`, key: `v-${i.code}`, width: 14 },
      { header: `${i.name}得分`, key: `s-${i.code}`, width: 10 },
    ]),
    { header: '最弱指标', key: 'worst', width: 30 },
    { header: '单位负责人', key: 'head', width: 18 },
    { header: '确认时间', key: 'ack', width: 22 },
  ];
  for (const r of p.results) {
    const row: Record<string, unknown> = {
      rank: r.rank,
      unit: r.unitName,
      score: r.score,
      previous: r.previousScore ?? '',
      trend: r.trend ?? '',
      worst: r.worst.map((w) => `${w.name}（-${w.lost}）`).join('；'),
      head: r.headName ?? '',
      ack: r.acknowledgedAt ? new Date(r.acknowledgedAt).toISOString() : '未确认',
    };
    for (const i of r.indicators) {
      row[`v-${i.code}`] = i.value ?? '';
      row[`s-${i.code}`] = i.score;
    }
    ws.addRow(row);
  }
  const fs = wb.addWorksheet('检查发现');
  fs.columns = [
    { header: '班组', key: 'team', width: 22 },
    { header: '问题', key: 'description', width: 60 },
  ];
  for (const f of p.findings) fs.addRow({ team: f.teamName, description: f.description });
  return wb;
}
