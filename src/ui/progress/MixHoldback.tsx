import type { MixDimensionSummary } from '../../training/mix-dimensions';

const NAMES: Readonly<Record<string, string>> = {
  balance: 'Level against the rest',
  pan: 'Pan',
  tone: 'EQ',
  dynamics: 'Compression',
  space: 'Reverb and delay',
};

/** The same, inside a sentence. */
const PHRASES: Readonly<Record<string, string>> = {
  balance: 'the levels against each other',
  pan: 'panning',
  tone: 'EQ',
  dynamics: 'compression',
  space: 'reverb and delay',
};

/** What holds the learner's graded mixes back: each dimension's share of what is left, as bars with numbers. */
export function MixHoldback({ mixes }: { mixes: MixDimensionSummary }) {
  const worst = PHRASES[mixes.worst] ?? mixes.worst;
  return (
    <>
      <p>
        In your last {mixes.mixes} graded {mixes.mixes === 1 ? 'mix' : 'mixes'}, most of what was left to fix
        was <strong>{worst}</strong>.
      </p>
      <ul class="mix-holdback">
        {mixes.shares.map((s) => (
          <li key={s.dimension}>
            <span class="mix-holdback-name">{NAMES[s.dimension] ?? s.dimension}</span>
            <span class="mix-holdback-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(s.share * 100)}%` }} />
            </span>
            <span class="mix-holdback-value">{Math.round(s.share * 100)} %</span>
          </li>
        ))}
      </ul>
    </>
  );
}
