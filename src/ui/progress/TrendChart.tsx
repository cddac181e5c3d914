import { useMemo, useRef, useState } from 'preact/hooks';
import type { ScoreTrend, SkillTrend } from '../../training/score-trend';
import { formatDay, formatDayLong } from './format';
import {
  dayTicks,
  linePath,
  markerPath,
  SCORE_GRID,
  type SeriesStyle,
  seriesPoints,
  seriesStyle,
  trendFrame,
  xOfDay,
  yOfScore,
} from './trend-geometry';
import { useWidth } from './use-width';

/** Props of the score trend chart. */
export interface TrendChartProps {
  trend: ScoreTrend;
  /** Fixed width in px (tests); otherwise the chart follows its container. */
  width?: number;
}

/** A legend swatch: a short line in the series' dash with its marker in the middle. */
function Swatch({ style }: { style: SeriesStyle }) {
  return (
    <svg class="trend-swatch" width="34" height="14" viewBox="0 0 34 14" aria-hidden="true">
      <path d="M1 7 H33" stroke={style.color} stroke-width="2.5" stroke-dasharray={style.dash || undefined} />
      <path
        d={markerPath(style.marker, 17, 7, 4)}
        class={`trend-marker trend-marker-${style.marker}`}
        style={{ color: style.color }}
      />
    </svg>
  );
}

function Series({
  skill,
  trend,
  frame,
}: {
  skill: SkillTrend;
  trend: ScoreTrend;
  frame: ReturnType<typeof trendFrame>;
}) {
  const style = seriesStyle(skill.skill);
  const pts = seriesPoints(skill.points, trend, frame);
  const line = seriesPoints(skill.points, trend, frame, 'rolling');
  return (
    <g class="trend-series" data-skill={skill.skill} style={{ color: style.color }}>
      <path
        class="trend-line"
        d={linePath(line)}
        fill="none"
        stroke="currentColor"
        stroke-width="2.5"
        stroke-linejoin="round"
        stroke-dasharray={style.dash || undefined}
      />
      {pts.map(([x, y], i) => {
        const p = skill.points[i]!;
        return (
          <path
            key={p.day}
            class={`trend-marker trend-marker-${style.marker}`}
            d={markerPath(style.marker, x, y, 3.5)}
            data-x={x}
            data-y={y}
          >
            <title>{`${skill.label}, ${formatDayLong(p.day)}: ${Math.round(p.mean)} from ${p.count} ${p.count === 1 ? 'answer' : 'answers'} (week: ${Math.round(p.rolling)})`}</title>
          </path>
        );
      })}
    </g>
  );
}

/** The same numbers as a table, for screen readers (visually hidden). */
function TrendTable({ trend }: { trend: ScoreTrend }) {
  const days = [...new Set(trend.skills.flatMap((s) => s.points.map((p) => p.day)))].sort((a, b) => a - b);
  return (
    <div class="progress-sr">
      <table class="trend-table">
        <caption>Average score per day and skill (answers that day in brackets)</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {trend.skills.map((s) => (
              <th key={s.skill} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day}>
              <th scope="row">{formatDayLong(day)}</th>
              {trend.skills.map((s) => {
                const p = s.points.find((q) => q.day === day);
                return <td key={s.skill}>{p ? `${Math.round(p.mean)} (${p.count})` : '–'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Score trend per skill, 0–100 up, days across: a marker at each day's mean and a line through the rolling
 * 7-day mean, so the trend reads through single good or bad days. Each skill has
 * its own colour, dash pattern and marker shape; the legend buttons hide and show lines. A visually hidden
 * table carries the same numbers.
 */
export function TrendChart({ trend, width: fixedWidth }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 640, fixedWidth);
  const frame = useMemo(() => trendFrame(width), [width]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const ticks = dayTicks(
    trend.fromDay,
    trend.toDay,
    Math.max(2, Math.floor((frame.right - frame.left) / 110)),
  );
  const shown = trend.skills.filter((s) => !hidden.has(s.skill));
  const toggle = (skill: string) => {
    const next = new Set(hidden);
    if (!next.delete(skill)) next.add(skill);
    setHidden(next);
  };
  const summary = trend.skills
    .map((s) => `${s.label}: average ${Math.round(s.mean)} over ${s.count} answers`)
    .join('; ');

  return (
    <div class="trend">
      <ul class="trend-legend" aria-label="Skills on the chart">
        {trend.skills.map((s) => (
          <li key={s.skill}>
            <button
              type="button"
              class="trend-legend-item"
              aria-pressed={!hidden.has(s.skill)}
              onClick={() => toggle(s.skill)}
              title={hidden.has(s.skill) ? `Show ${s.label}` : `Hide ${s.label}`}
            >
              <Swatch style={seriesStyle(s.skill)} />
              <span>{s.label}</span>
              <span class="trend-legend-mean">{Math.round(s.mean)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div class="trend-box" ref={box}>
        <svg
          class="trend-svg"
          width={frame.width}
          height={frame.height}
          viewBox={`0 0 ${frame.width} ${frame.height}`}
          role="img"
          aria-label={`Score trend from ${formatDay(trend.fromDay)} to ${formatDay(trend.toDay)}. ${summary}.`}
        >
          {SCORE_GRID.map((s) => {
            const y = yOfScore(s, frame);
            return (
              <g key={s} class="trend-grid">
                <line x1={frame.left} x2={frame.right} y1={y} y2={y} />
                <text x={frame.left - 6} y={y} dy="0.32em" text-anchor="end">
                  {s}
                </text>
              </g>
            );
          })}
          {ticks.map((d) => {
            const x = xOfDay(d, trend, frame);
            return (
              <g key={d} class="trend-tick">
                <line x1={x} x2={x} y1={frame.bottom} y2={frame.bottom + 4} />
                <text
                  x={x}
                  y={frame.bottom + 18}
                  text-anchor={d === trend.toDay ? 'end' : d === trend.fromDay ? 'start' : 'middle'}
                >
                  {d === trend.toDay ? 'Today' : formatDay(d)}
                </text>
              </g>
            );
          })}
          <line class="trend-axis" x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} />
          {shown.map((s) => (
            <Series key={s.skill} skill={s} trend={trend} frame={frame} />
          ))}
        </svg>
      </div>
      <TrendTable trend={trend} />
    </div>
  );
}
