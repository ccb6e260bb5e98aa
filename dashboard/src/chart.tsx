// The time charts (uPlot: canvas, ~21 KB gzipped, draws 10k points in a few ms) and the
// websites list's sparklines (plain SVG: dozens of them cost less than one canvas each).
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  dashed?: boolean;
}

export interface Marker {
  text: string;
  /** Seconds since the epoch. */
  start: number;
  end?: number;
  color?: string | null;
}

let firstChartMarked = false;
/** The time of the first chart drawn, for the browser test (performance.getEntriesByName). */
function markFirstChart() {
  if (firstChartMarked) return;
  firstChartMarked = true;
  performance.mark('tidemark:first-chart');
}

function drawMarkers(plot: uPlot, markers: Marker[]) {
  const { ctx, bbox } = plot;
  ctx.save();
  ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
  for (const marker of markers) {
    const x = plot.valToPos(marker.start, 'x', true);
    if (!(x >= bbox.left && x <= bbox.left + bbox.width)) continue;
    const color = marker.color ?? '#b45309';
    if (marker.end) {
      const x2 = Math.min(plot.valToPos(marker.end, 'x', true), bbox.left + bbox.width);
      ctx.fillStyle = `${color}22`;
      ctx.fillRect(x, bbox.top, x2 - x, bbox.height);
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = devicePixelRatio;
    ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.fillText(marker.text, x + 4 * devicePixelRatio, bbox.top + 14 * devicePixelRatio);
  }
  ctx.restore();
}

export function TimeChart(props: {
  times: number[];
  series: Series[];
  markers?: Marker[];
  timezone: string;
  label: string;
  height?: number;
  /** Whether this is the chart whose first drawing is timed (the main one). */
  timed?: boolean;
  /** uPlot's legend under the chart (values at the cursor). */
  legend?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { times, series, markers = [], timezone, label, height = 260, timed = false, legend = true } = props;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const plot = new uPlot(
      {
        width: element.clientWidth || 600,
        height,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timezone),
        cursor: { drag: { x: false, y: false } },
        legend: { show: legend },
        scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            ...(s.dashed ? { dash: [6, 4] } : { fill: `${s.color}1a` }),
          })),
        ],
        axes: [{ stroke: '#57534e' }, { stroke: '#57534e', size: 56 }],
        hooks: { draw: [(plot) => drawMarkers(plot, markers)] },
      },
      [times, ...series.map((s) => s.values)],
      element,
    );
    if (timed) markFirstChart();
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, series, markers, timezone, height, timed, legend]);
  return <div class="chart" ref={ref} role="img" aria-label={label} />;
}

/** A small line of values (the websites list). */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 120;
  const height = 32;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`);
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
    >
      <polyline points={points.join(' ')} fill="none" stroke="#0369a1" stroke-width="1.5" />
    </svg>
  );
}
