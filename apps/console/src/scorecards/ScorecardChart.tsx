import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** K-9 one card's ranking as bars (best first). Loaded lazily; no animation (stable screenshots). */
const ScorecardChart = ({ rows, label }: { rows: { name: string; total: number }[]; label: string }) => (
  <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 26 + 40)}>
    <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis type="number" />
      <YAxis type="category" dataKey="name" width={180} />
      <Tooltip />
      <Bar dataKey="total" name={label} fill="#1976d2" isAnimationActive={false} />
    </BarChart>
  </ResponsiveContainer>
);

export default ScorecardChart;
