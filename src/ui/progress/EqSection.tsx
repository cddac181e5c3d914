import { formatHz } from '../../dsp/bands';
import type { EqConfusion } from '../../training/eq-confusion';
import { ConfusionGrid } from './ConfusionGrid';

/** Which EQ bands the learner mixes up: the worst mix-ups in words, then the heat maps. */
export function EqSection({ eq }: { eq: EqConfusion }) {
  if (!eq.octave && !eq.third)
    return (
      <p class="muted">
        Answer a few “Spot the EQ boost” questions and this shows which frequency bands you mix up.
      </p>
    );
  return (
    <div class="stack">
      {eq.mixUps.length > 0 ? (
        <ul class="mixups">
          {eq.mixUps.map((m) => (
            <li key={`${m.resolution}-${m.playedHz}-${m.answeredHz}`}>
              You heard <strong>{formatHz(m.playedHz)}</strong> as <strong>{formatHz(m.answeredHz)}</strong>{' '}
              {m.count} of {m.ofPlayed} times
              {m.answeredHz > m.playedHz ? ' (too high)' : ' (too low)'}.
            </li>
          ))}
        </ul>
      ) : (
        <p>No band has fooled you twice yet.</p>
      )}
      {eq.directionAsked > 0 && (
        <p class="muted">
          Boost or cut: {eq.directionAsked - eq.directionWrong} of {eq.directionAsked} right.
        </p>
      )}
      <p class="muted confusion-help">
        Each row is the band that was boosted or cut; each column the band you chose. Green squares on the
        diagonal are right answers, orange ones are mix-ups.
      </p>
      <div class="confusion-pair">
        {eq.octave && (
          <ConfusionGrid
            matrix={eq.octave}
            caption={`Octave bands: ${eq.octave.right} of ${eq.octave.total} answers right`}
          />
        )}
        {eq.third && (
          <ConfusionGrid
            matrix={eq.third}
            caption={`Third-octave bands: ${eq.third.right} of ${eq.third.total} answers right`}
          />
        )}
      </div>
    </div>
  );
}
