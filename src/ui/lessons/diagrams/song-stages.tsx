import { Arrow, ArrowMarker, Box, Figure } from './parts';

const STAGES = [
  { title: 'Idea', sub: 'a hook, a groove', tone: 'muted' },
  { title: 'Production', sub: 'make the parts', tone: 'production' },
  { title: 'Mixing', sub: 'balance them', tone: 'mixing' },
  { title: 'Mastering', sub: 'final polish', tone: 'muted' },
  { title: 'Release', sub: 'out in the world', tone: 'muted' },
] as const;

function Wide() {
  const w = 132;
  const gap = 20;
  const x = (i: number) => 8 + i * (w + gap);
  return (
    <svg viewBox="0 0 770 148" role="img" aria-labelledby="dg-stages-wide-t" class="dg">
      <title id="dg-stages-wide-t">
        The life of a song: idea, production, mixing, mastering, release. Notes on a mix send it back for
        revisions before it goes on to mastering.
      </title>
      <ArrowMarker id="dg-stages-wide-a" />
      {STAGES.map((s, i) => (
        <Box key={s.title} x={x(i)} y={70} w={w} h={64} title={s.title} sub={s.sub} tone={s.tone} />
      ))}
      {STAGES.slice(1).map((s, i) => (
        <Arrow key={s.title} x1={x(i) + w} y1={102} x2={x(i + 1) - 2} y2={102} marker="dg-stages-wide-a" />
      ))}
      <path
        d={`M ${x(2) + w - 20} 68 C ${x(2) + w - 20} 20, ${x(2) + 20} 20, ${x(2) + 20} 66`}
        class="dg-arrow dg-dashed"
        marker-end="url(#dg-stages-wide-a)"
      />
      <text x={x(2) + w / 2} y={24} class="dg-sub" text-anchor="middle">
        notes → revise
      </text>
    </svg>
  );
}

function Narrow() {
  const h = 58;
  const step = 82;
  const y = (i: number) => 8 + i * step;
  return (
    <svg viewBox="0 0 340 420" role="img" aria-labelledby="dg-stages-narrow-t" class="dg">
      <title id="dg-stages-narrow-t">
        The life of a song, top to bottom: idea, production, mixing, mastering, release. Notes on a mix send
        it back for revisions before mastering.
      </title>
      <ArrowMarker id="dg-stages-narrow-a" />
      {STAGES.map((s, i) => (
        <Box key={s.title} x={20} y={y(i)} w={200} h={h} title={s.title} sub={s.sub} tone={s.tone} />
      ))}
      {STAGES.slice(1).map((s, i) => (
        <Arrow key={s.title} x1={120} y1={y(i) + h} x2={120} y2={y(i + 1) - 2} marker="dg-stages-narrow-a" />
      ))}
      <path
        d={`M 222 ${y(2) + h - 14} C 290 ${y(2) + h - 4}, 290 ${y(2) + 4}, 224 ${y(2) + 14}`}
        class="dg-arrow dg-dashed"
        marker-end="url(#dg-stages-narrow-a)"
      />
      <text x={262} y={y(2) - 6} class="dg-sub" text-anchor="middle">
        notes →
      </text>
      <text x={262} y={y(2) + h + 18} class="dg-sub" text-anchor="middle">
        revise
      </text>
    </svg>
  );
}

/** Idea → production → mixing → mastering → release, with the revision loop on the mix. */
export function SongStagesDiagram({ caption }: { caption: string }) {
  return <Figure caption={caption} wide={<Wide />} narrow={<Narrow />} />;
}
