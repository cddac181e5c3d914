import { Figure } from './parts';

const X0 = 58;
const Y0 = 300;
const SIZE = 270;
const MIN_DB = -60;
const THRESHOLD = -24;
/** Plot coordinates of a level in dB (−60 … 0). */
const px = (db: number) => X0 + ((db - MIN_DB) / -MIN_DB) * SIZE;
const py = (db: number) => Y0 - ((db - MIN_DB) / -MIN_DB) * SIZE;
const out = (input: number, ratio: number) =>
  input <= THRESHOLD ? input : THRESHOLD + (input - THRESHOLD) / ratio;
const curve = (ratio: number) =>
  `M ${px(MIN_DB)} ${py(MIN_DB)} L ${px(THRESHOLD)} ${py(THRESHOLD)} L ${px(0)} ${py(out(0, ratio))}`;

function Chart() {
  const ticks = [-60, -48, -36, -24, -12, 0];
  return (
    <svg viewBox="0 0 370 360" role="img" aria-labelledby="dg-comp-t" class="dg dg-square">
      <title id="dg-comp-t">
        A compressor's curve: output level against input level. Below the threshold at −24 dB output equals
        input. Above it, a 2:1 ratio lets out 1 dB for every 2 dB in, 4:1 one for every 4, and a limiter (∞:1)
        nothing more. At 0 dB in, 4:1 gives −18 dB out: 18 dB of gain reduction, which makeup gain can add
        back.
      </title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={px(t)} y1={py(MIN_DB)} x2={px(t)} y2={py(0)} class="dg-grid" />
          <line x1={px(MIN_DB)} y1={py(t)} x2={px(0)} y2={py(t)} class="dg-grid" />
          <text x={px(t)} y={Y0 + 18} class="dg-sub" text-anchor="middle">
            {t}
          </text>
          <text x={X0 - 8} y={py(t) + 4} class="dg-sub" text-anchor="end">
            {t}
          </text>
        </g>
      ))}
      <line x1={px(THRESHOLD)} y1={py(MIN_DB)} x2={px(THRESHOLD)} y2={py(0)} class="dg-threshold" />
      <text x={px(THRESHOLD) + 6} y={py(-2)} class="dg-sub">
        threshold
      </text>
      <path d={`M ${px(MIN_DB)} ${py(MIN_DB)} L ${px(0)} ${py(0)}`} class="dg-line-muted" />
      <text x={px(-9)} y={py(-5) - 4} class="dg-sub">
        1:1
      </text>
      <path d={curve(2)} class="dg-line-b" />
      <text x={px(0) + 4} y={py(out(0, 2)) + 4} class="dg-sub">
        2:1
      </text>
      <path d={curve(4)} class="dg-line-a" />
      <text x={px(0) + 4} y={py(out(0, 4)) + 4} class="dg-title">
        4:1
      </text>
      <path d={curve(1000)} class="dg-line-c" />
      <text x={px(0) + 4} y={py(THRESHOLD) + 4} class="dg-sub">
        ∞:1
      </text>
      <line x1={px(-2)} y1={py(-2)} x2={px(-2)} y2={py(out(-2, 4))} class="dg-reduction" />
      <text x={px(-3)} y={py(-11)} class="dg-sub" text-anchor="end">
        gain reduction
      </text>
      <text x={X0 + SIZE / 2} y={Y0 + 44} class="dg-sub" text-anchor="middle">
        input level (dB)
      </text>
      <text
        x={14}
        y={Y0 - SIZE / 2}
        class="dg-sub"
        text-anchor="middle"
        transform={`rotate(-90 14 ${Y0 - SIZE / 2})`}
      >
        output level (dB)
      </text>
    </svg>
  );
}

/** The compressor's static curve: threshold and ratios, with the gain reduction marked. */
export function CompressorCurveDiagram({ caption }: { caption: string }) {
  return <Figure caption={caption} wide={<Chart />} />;
}
