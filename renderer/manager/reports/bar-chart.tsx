/**
 * A plain inline SVG bar chart for report breakdowns: no chart library, text labels a screen
 * reader can read, and the figures beside the bars. Lengths are proportions for drawing only;
 * the amounts shown are the exact ones from the report.
 */
import type { ReportRow } from '../../../src/reports';

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 130;
const VALUE_WIDTH = 110;
const WIDTH = 420;

export function BarChart(props: {
  rows: readonly ReportRow<number>[];
  label: (key: string) => string;
  value: (amount: number) => string;
  title: string;
  testId: string;
}) {
  const max = Math.max(1, ...props.rows.map((row) => Math.abs(row.amount)));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = props.rows.length * ROW_HEIGHT + 4;
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={props.title}
      data-testid={props.testId}
    >
      {props.rows.map((row, index) => {
        const y = index * ROW_HEIGHT + 2;
        const length = Math.round((Math.abs(row.amount) / max) * barSpace);
        return (
          <g key={row.key}>
            <text x={0} y={y + ROW_HEIGHT * 0.65}>
              {props.label(row.key)}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={length} height={ROW_HEIGHT - 8} rx={3} />
            <text x={LABEL_WIDTH + length + 6} y={y + ROW_HEIGHT * 0.65}>
              {props.value(row.amount)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The day's 24 hours as columns, for seeing the rush at a glance. */
export function HourChart(props: {
  rows: readonly ReportRow<number>[];
  title: string;
  value: (amount: number) => string;
}) {
  const max = Math.max(1, ...props.rows.map((row) => row.amount));
  const columnWidth = 26;
  const chartHeight = 120;
  return (
    <svg
      className="bar-chart hour-chart"
      viewBox={`0 0 ${props.rows.length * columnWidth} ${chartHeight + 20}`}
      role="img"
      aria-label={props.title}
      data-testid="chart-hours"
    >
      {props.rows.map((row, index) => {
        const height = Math.round((row.amount / max) * chartHeight);
        return (
          <g key={row.key}>
            <title>{`${row.key}:00 — ${props.value(row.amount)}`}</title>
            <rect
              x={index * columnWidth + 3}
              y={chartHeight - height}
              width={columnWidth - 6}
              height={height}
              rx={2}
            />
            <text x={index * columnWidth + 4} y={chartHeight + 14}>
              {row.key}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
