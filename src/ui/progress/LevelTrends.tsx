import type { LevelTrend } from '../../training/level-trends';
import { formatDay } from './format';

const W = 220;
const H = 48;
const PAD = 4;

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

/** One drill-and-level line: the share right over the last 20 answers, day by day, 0 % at the bottom. */
function Spark({ line, fromDay, toDay }: { line: LevelTrend; fromDay: number; toDay: number }) {
  const span = Math.max(1, toDay - fromDay);
  // Rounded to 0.1 px: the drawing does not need more, and the numbers stay readable.
  const x = (day: number) => Math.round(10 * (PAD + ((W - 2 * PAD) * (day - fromDay)) / span)) / 10;
  const y = (share: number) => Math.round(10 * (PAD + (H - 2 * PAD) * (1 - share))) / 10;
  const points = line.points.map((p) => `${x(p.day)},${y(p.rolling)}`).join(' ');
  const first = line.points[0];
  const label = first
    ? `${line.title}, level ${line.level}${line.memory ? ' from memory' : ''}: from ${pct(first.rolling)} on ${formatDay(first.day)} to ${pct(line.latest)} right now.`
    : '';
  return (
    <svg class="level-spark" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
      <line class="level-spark-grid" x1={PAD} x2={W - PAD} y1={y(0.8)} y2={y(0.8)} />
      {line.points.length > 1 && <polyline class="level-spark-line" points={points} />}
      {line.points.map((p) => (
        <circle key={p.day} class="level-spark-dot" cx={x(p.day)} cy={y(p.rolling)} r={2.5} />
      ))}
    </svg>
  );
}

/**
 * Growth level by level: one line per drill and level, never averaged across levels, so moving up a level
 * starts a new line instead of pulling the old one down. The dotted line is the 80 % a stage asks for.
 */
export function LevelTrends({
  lines,
  fromDay,
  toDay,
}: {
  lines: readonly LevelTrend[];
  fromDay: number;
  toDay: number;
}) {
  return (
    <ul class="level-trends">
      {lines.map((line) => {
        const first = line.points[0];
        return (
          <li
            key={`${line.kind}@${line.level}${line.memory ? '@memory' : ''}`}
            class="level-trend"
            data-kind={line.kind}
            data-level={line.level}
            data-memory={line.memory ? 'true' : undefined}
          >
            <p class="level-trend-name">
              <strong>{line.title}</strong>{' '}
              <span class="muted">
                level {line.level}: {line.levelName}
                {line.memory ? ' · from memory' : ''}
              </span>
            </p>
            <Spark line={line} fromDay={fromDay} toDay={toDay} />
            <p class="level-trend-now">
              <span class="level-trend-latest">{pct(line.latest)} right</span>{' '}
              <span class="muted">
                of your last {Math.min(20, line.answers)}
                {first && line.points.length > 1
                  ? ` (was ${pct(first.rolling)} on ${formatDay(first.day)})`
                  : ''}
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
