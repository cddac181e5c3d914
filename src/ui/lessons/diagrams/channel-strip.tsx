import { Arrow, ArrowMarker, Box, Figure } from './parts';

const STAGES = [
  { title: 'Input', sub: 'the track' },
  { title: 'Trim', sub: 'level in' },
  { title: 'High-pass', sub: 'rumble out' },
  { title: 'EQ', sub: 'tone' },
  { title: 'Compressor', sub: 'evens level' },
  { title: 'Fader', sub: 'balance' },
  { title: 'Pan', sub: 'left ↔ right' },
  { title: 'Master bus', sub: 'the mix' },
] as const;

function Wide() {
  const w = 132;
  const h = 58;
  const gap = 30;
  const x = (i: number) => 12 + (i % 4) * (w + gap);
  const y = (i: number) => (i < 4 ? 12 : 122);
  const faderX = x(5) + w + gap / 2;
  const midY = (i: number) => y(i) + h / 2;
  return (
    <svg viewBox="0 0 660 300" role="img" aria-labelledby="dg-strip-wide-t" class="dg">
      <title id="dg-strip-wide-t">
        Signal flow of a channel strip: input, trim, high-pass filter, EQ, compressor, fader, pan, then the
        master bus. After the fader, sends feed the reverb and delay buses, whose returns also reach the
        master bus.
      </title>
      <ArrowMarker id="dg-strip-wide-a" />
      {STAGES.map((s, i) => (
        <Box
          key={s.title}
          x={x(i)}
          y={y(i)}
          w={w}
          h={h}
          title={s.title}
          sub={s.sub}
          tone={i === 7 ? 'accent' : undefined}
        />
      ))}
      {STAGES.slice(1).map((s, i) =>
        i === 3 ? (
          <path
            key={s.title}
            d={`M ${x(3) + w / 2} ${y(3) + h} V ${y(3) + h + 20} H ${x(4) + w / 2} V ${y(4) - 2}`}
            class="dg-arrow"
            marker-end="url(#dg-strip-wide-a)"
          />
        ) : (
          <Arrow
            key={s.title}
            x1={x(i) + w}
            y1={midY(i)}
            x2={x(i + 1) - 2}
            y2={midY(i + 1)}
            marker="dg-strip-wide-a"
          />
        ),
      )}
      <circle cx={faderX} cy={midY(5)} r="4" class="dg-dot" />
      <Arrow x1={faderX} y1={midY(5)} x2={faderX} y2={228} marker="dg-strip-wide-a" />
      <Box
        x={faderX - 150}
        y={230}
        w={300}
        h={54}
        title="Sends → reverb and delay"
        sub="buses shared by many tracks"
        tone="muted"
      />
      <path
        d={`M ${faderX + 150} 257 H ${x(7) + w / 2} V ${y(7) + h + 2}`}
        class="dg-arrow"
        marker-end="url(#dg-strip-wide-a)"
      />
      <text x={x(7) + w / 2 + 8} y={226} class="dg-sub">
        returns
      </text>
    </svg>
  );
}

function Narrow() {
  const w = 170;
  const h = 46;
  const step = 64;
  const y = (i: number) => 8 + i * step;
  const faderY = y(5) + h + (step - h) / 2;
  return (
    <svg viewBox="0 0 340 530" role="img" aria-labelledby="dg-strip-narrow-t" class="dg">
      <title id="dg-strip-narrow-t">
        Signal flow of a channel strip, top to bottom: input, trim, high-pass filter, EQ, compressor, fader,
        pan, master bus. After the fader, sends feed the reverb and delay buses, whose returns reach the
        master bus.
      </title>
      <ArrowMarker id="dg-strip-narrow-a" />
      {STAGES.map((s, i) => (
        <Box
          key={s.title}
          x={10}
          y={y(i)}
          w={w}
          h={h}
          title={s.title}
          sub={s.sub}
          tone={i === 7 ? 'accent' : undefined}
        />
      ))}
      {STAGES.slice(1).map((s, i) => (
        <Arrow key={s.title} x1={95} y1={y(i) + h} x2={95} y2={y(i + 1) - 2} marker="dg-strip-narrow-a" />
      ))}
      <circle cx={95} cy={faderY} r="4" class="dg-dot" />
      <Arrow x1={95} y1={faderY} x2={206} y2={faderY} marker="dg-strip-narrow-a" />
      <Box x={208} y={faderY - 34} w={124} h={68} title="Sends" sub="reverb, delay" tone="muted" />
      <path
        d={`M 270 ${faderY + 34} V ${y(7) + h / 2} H 182`}
        class="dg-arrow"
        marker-end="url(#dg-strip-narrow-a)"
      />
      <text x={276} y={y(7) - 10} class="dg-sub">
        returns
      </text>
    </svg>
  );
}

/** The channel strip's signal flow, left to right (top to bottom on a phone). */
export function ChannelStripDiagram({ caption }: { caption: string }) {
  return <Figure caption={caption} wide={<Wide />} narrow={<Narrow />} />;
}
