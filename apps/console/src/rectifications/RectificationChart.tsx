import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface OpenOverdueDatum {
  name: string;
  open: number;
  overdue: number;
}

/** Open vs overdue rectifications per team or branch. Loaded lazily (recharts is large). */
const RectificationChart = ({
  data,
  labels,
}: {
  data: OpenOverdueDatum[];
  labels: { open: string; overdue: string };
}) => (
  <ResponsiveContainer width="100%" height={280}>
    <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
      <YAxis allowDecimals={false} />
      <Tooltip />
      <Legend />
      <Bar dataKey="open" name={labels.open} fill="#ed6c02" />
      <Bar dataKey="overdue" name={labels.overdue} fill="#d32f2f" />
    </BarChart>
  </ResponsiveContainer>
);

export default RectificationChart;
