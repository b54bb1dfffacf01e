import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { QuarterlyIndicator, QuarterlyUnitResult } from './model';

const COLORS = ['#d32f2f', '#ed6c02', '#9c27b0', '#0288d1', '#2e7d32', '#795548'];

/**
 * Q-1 report charts (loaded lazily): the ranking (score per unit, best first), this quarter against the previous one,
 * and per unit the points each indicator lost (the worst indicators stand out).
 */
const QuarterlyCharts = ({
  results,
  indicators,
  labels,
}: {
  results: QuarterlyUnitResult[];
  indicators: QuarterlyIndicator[];
  labels: { score: string; previous: string; current: string; lost: string };
}) => {
  const height = Math.max(200, results.length * 36);
  const lost = results.map((r) => ({
    unitName: r.unitName,
    ...Object.fromEntries(r.indicators.map((i) => [i.code, i.lost])),
  }));
  return (
    <>
      <div data-testid="quarterly-chart-ranking">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={results} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} />
            <YAxis type="category" dataKey="unitName" width={160} />
            <Tooltip />
            <Bar dataKey="score" name={labels.score} fill="#1976d2" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div data-testid="quarterly-chart-trend">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={results} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="unitName" />
            <YAxis domain={[0, 100]} />
            <Tooltip />
            <Legend />
            <Bar dataKey="previousScore" name={labels.previous} fill="#90a4ae" isAnimationActive={false} />
            <Bar dataKey="score" name={labels.current} fill="#1976d2" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div data-testid="quarterly-chart-worst">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={lost} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" name={labels.lost} />
            <YAxis type="category" dataKey="unitName" width={160} />
            <Tooltip />
            <Legend />
            {indicators.map((ind, i) => (
              <Bar
                key={ind.code}
                dataKey={ind.code}
                name={ind.name}
                stackId="lost"
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </>
  );
};

export default QuarterlyCharts;
