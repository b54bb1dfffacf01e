import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface KindCount {
  kind: string;
  label: string;
  count: number;
}

const OpenCasesChart = ({ data, countLabel }: { data: KindCount[]; countLabel: string }) => (
  <ResponsiveContainer width="100%" height={240}>
    <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" />
      <YAxis allowDecimals={false} />
      <Tooltip />
      <Bar dataKey="count" name={countLabel} fill="#1976d2" />
    </BarChart>
  </ResponsiveContainer>
);

export default OpenCasesChart;
