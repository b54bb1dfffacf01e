import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface MoveDatum {
  /** e.g. "P4 → 无" */
  move: string;
  people: number;
}

/** The distribution of changes: people per grade move. Loaded lazily (recharts is large). */
const MovesChart = ({ data, label }: { data: MoveDatum[]; label: string }) => (
  <ResponsiveContainer width="100%" height={260}>
    <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="move" />
      <YAxis allowDecimals={false} />
      <Tooltip />
      <Bar dataKey="people" name={label} fill="#ed6c02" isAnimationActive={false} />
    </BarChart>
  </ResponsiveContainer>
);

export default MovesChart;
