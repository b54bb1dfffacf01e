import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface BranchDatum {
  branch: string;
  p4: number;
  p5: number;
  /** Deducted points (already divided by 10). */
  points: number;
}

export interface BranchChartLabels {
  p4: string;
  p5: string;
  points: string;
  count: string;
}

/** Grouped bars per branch: P4/P5 counts on the left axis, points on the right. Loaded lazily (recharts is large). */
const BranchChart = ({ data, labels }: { data: BranchDatum[]; labels: BranchChartLabels }) => (
  <ResponsiveContainer width="100%" height={300}>
    <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="branch" />
      <YAxis
        yAxisId="count"
        allowDecimals={false}
        label={{ value: labels.count, angle: -90, position: 'insideLeft' }}
      />
      <YAxis
        yAxisId="points"
        orientation="right"
        label={{ value: labels.points, angle: 90, position: 'insideRight' }}
      />
      <Tooltip />
      <Legend />
      <Bar yAxisId="count" dataKey="p4" name={labels.p4} fill="#ed6c02" />
      <Bar yAxisId="count" dataKey="p5" name={labels.p5} fill="#d32f2f" />
      <Bar yAxisId="points" dataKey="points" name={labels.points} fill="#1976d2" />
    </BarChart>
  </ResponsiveContainer>
);

export default BranchChart;
