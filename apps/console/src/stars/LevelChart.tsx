import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface LevelDatum {
  level: string;
  quota: number;
  applied: number;
  recommended: number;
  passed: number;
  approved: number;
  awarded: number;
}

export type LevelChartLabels = Record<Exclude<keyof LevelDatum, 'level'>, string>;

const BARS: [Exclude<keyof LevelDatum, 'level'>, string][] = [
  ['quota', '#9e9e9e'],
  ['applied', '#90caf9'],
  ['recommended', '#1976d2'],
  ['passed', '#ed6c02'],
  ['approved', '#9c27b0'],
  ['awarded', '#2e7d32'],
];

/** S-5/S-8/S-9 progress per level against the quota. Loaded lazily (recharts is large). */
const LevelChart = ({ data, labels }: { data: LevelDatum[]; labels: LevelChartLabels }) => (
  <ResponsiveContainer width="100%" height={300}>
    <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="level" />
      <YAxis allowDecimals={false} />
      <Tooltip />
      <Legend />
      {BARS.map(([key, fill]) => (
        <Bar key={key} dataKey={key} name={labels[key]} fill={fill} />
      ))}
    </BarChart>
  </ResponsiveContainer>
);

export default LevelChart;
