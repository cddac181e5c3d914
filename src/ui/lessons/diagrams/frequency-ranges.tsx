import { Figure } from './parts';

const LOW = Math.log10(20);
const SPAN = Math.log10(20_000) - LOW;
const LEFT = 118;
const WIDTH = 590;
/** x of a frequency on the log axis. */
const fx = (hz: number) => LEFT + ((Math.log10(hz) - LOW) / SPAN) * WIDTH;

const BANDS = [
  { name: 'sub', from: 20, to: 60 },
  { name: 'bass', from: 60, to: 250 },
  { name: 'low mids', from: 250, to: 500 },
  { name: 'mids', from: 500, to: 2000 },
  { name: 'upper mids', from: 2000, to: 5000 },
  { name: 'highs', from: 5000, to: 10_000 },
  { name: 'air', from: 10_000, to: 20_000 },
];

/** Where each instrument's body (fundamentals) and its detail (overtones, attack, air) mostly sit. */
const ROWS: { name: string; body: [number, number]; detail: [number, number][] }[] = [
  { name: 'Kick', body: [40, 120], detail: [[2000, 5000]] },
  { name: 'Bass', body: [40, 300], detail: [[300, 2500]] },
  { name: 'Snare', body: [150, 300], detail: [[2000, 9000]] },
  { name: 'Hi-hats', body: [3000, 16_000], detail: [] },
  { name: 'Chords, keys', body: [80, 1200], detail: [[1200, 8000]] },
  { name: 'Lead synth', body: [200, 2000], detail: [[2000, 10_000]] },
  { name: 'Vocal', body: [90, 1000], detail: [[1000, 12_000]] },
];
const TICKS = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000];
const label = (hz: number) => (hz >= 1000 ? `${hz / 1000}k` : `${hz}`);

function Chart() {
  const top = 58;
  const row = 34;
  const bottom = top + ROWS.length * row;
  return (
    <svg viewBox="0 0 720 384" role="img" aria-labelledby="dg-freq-t" class="dg">
      <title id="dg-freq-t">
        Frequency ranges from 20 Hz to 20 kHz on a log scale. Kick body 40–120 Hz, click 2–5 kHz. Bass 40–300
        Hz, overtones to 2.5 kHz. Snare body 150–300 Hz, crack 2–9 kHz. Hi-hats 3–16 kHz. Chords and keys 80
        Hz–1.2 kHz, overtones to 8 kHz. Lead synth 200 Hz–2 kHz, overtones to 10 kHz. Vocal 90 Hz–1 kHz,
        detail to 12 kHz.
      </title>
      {BANDS.map((b, i) => (
        <g key={b.name}>
          <rect
            x={fx(b.from)}
            y={8}
            width={fx(b.to) - fx(b.from)}
            height={bottom - 8}
            class={i % 2 ? 'dg-band-b' : 'dg-band-a'}
          />
          <text x={(fx(b.from) + fx(b.to)) / 2} y={30} class="dg-sub" text-anchor="middle">
            {b.name}
          </text>
        </g>
      ))}
      {ROWS.map((r, i) => {
        const y = top + i * row;
        return (
          <g key={r.name}>
            <text x={LEFT - 10} y={y + 19} class="dg-title" text-anchor="end">
              {r.name}
            </text>
            {r.detail.map(([a, b]) => (
              <rect
                key={a}
                x={fx(a)}
                y={y + 8}
                width={fx(b) - fx(a)}
                height={16}
                rx="4"
                class="dg-range-detail"
              />
            ))}
            <rect
              x={fx(r.body[0])}
              y={y + 6}
              width={fx(r.body[1]) - fx(r.body[0])}
              height={20}
              rx="4"
              class="dg-range-body"
            />
          </g>
        );
      })}
      <line x1={LEFT} y1={bottom + 4} x2={LEFT + WIDTH} y2={bottom + 4} class="dg-axis" />
      {TICKS.map((t) => (
        <g key={t}>
          <line x1={fx(t)} y1={bottom + 4} x2={fx(t)} y2={bottom + 10} class="dg-axis" />
          <text x={fx(t)} y={bottom + 26} class="dg-sub" text-anchor="middle">
            {label(t)}
          </text>
        </g>
      ))}
      <text x={LEFT + WIDTH / 2} y={bottom + 48} class="dg-sub" text-anchor="middle">
        frequency (Hz)
      </text>
      <rect x={LEFT} y={bottom + 60} width={22} height={12} rx="3" class="dg-range-body" />
      <text x={LEFT + 30} y={bottom + 71} class="dg-sub">
        body (fundamentals)
      </text>
      <rect x={LEFT + 200} y={bottom + 60} width={22} height={12} rx="3" class="dg-range-detail" />
      <text x={LEFT + 230} y={bottom + 71} class="dg-sub">
        detail (overtones, attack, air)
      </text>
    </svg>
  );
}

/** Where instruments live on the frequency axis, with the usual names of the bands. */
export function FrequencyRangesDiagram({ caption }: { caption: string }) {
  return <Figure caption={caption} wide={<Chart />} scroll />;
}
