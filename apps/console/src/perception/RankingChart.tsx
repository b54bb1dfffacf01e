import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RankingResponse } from './model';

/** P-1 ranking bars (best first) with the below-standard line, and the level's month-over-month trend. Loaded lazily. */
const RankingChart = ({
  data,
  standard,
  labels,
}: {
  data: RankingResponse;
  standard: number;
  labels: { score: string; average: string };
}) => (
  <>
    <ResponsiveContainer width="100%" height={Math.max(220, data.rows.length * 26)}>
      <BarChart data={data.rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} />
        <YAxis type="category" dataKey="name" width={160} />
        <Tooltip />
        <ReferenceLine x={standard} stroke="#d32f2f" strokeDasharray="4 4" />
        <Bar dataKey="score" name={labels.score} fill="#1976d2" />
      </BarChart>
    </ResponsiveContainer>
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={data.trend} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis domain={[0, 100]} />
        <Tooltip />
        <ReferenceLine y={standard} stroke="#d32f2f" strokeDasharray="4 4" />
        <Line dataKey="average" name={labels.average} stroke="#ed6c02" />
      </LineChart>
    </ResponsiveContainer>
  </>
);

export default RankingChart;
