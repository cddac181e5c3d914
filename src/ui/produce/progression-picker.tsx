import { listProgressions } from '../../production/styles';
import { chordFromRoman, createKey } from '../../production/theory';
import type { Arranger } from '../../state/produce/arranger';

/** Radio choices: the seed's own pick (verse and chorus may differ), or one of the style's progressions. */
export function ProgressionPicker({ arranger }: { arranger: Arranger }) {
  const song = arranger.song.value;
  const spec = arranger.spec.value;
  const choices = listProgressions(spec.style);
  const chosen = spec.progression ?? -1;
  const { progression, chorusProgression } = song.arrangement;
  const seedText =
    progression.join() === chorusProgression.join()
      ? progression.join(' – ')
      : `verse ${progression.join(' – ')}, chorus ${chorusProgression.join(' – ')}`;
  return (
    <fieldset class="prog-list">
      <legend class="arr-visually-hidden">Chord progression</legend>
      <label class={`prog-choice${chosen === -1 ? ' is-chosen' : ''}`}>
        <input
          type="radio"
          name="progression"
          checked={chosen === -1}
          onChange={() => arranger.setProgression(null)}
        />
        <span class="prog-text">
          <span class="prog-romans">The seed’s pick</span>
          <span class="prog-names">{seedText}</span>
        </span>
      </label>
      {choices.map((choice, i) => {
        const key = { tonic: song.key.tonic, mode: choice.mode };
        const names = choice.romans.map((r) => chordFromRoman(r, key).name);
        return (
          <label key={choice.romans.join()} class={`prog-choice${chosen === i ? ' is-chosen' : ''}`}>
            <input
              type="radio"
              name="progression"
              checked={chosen === i}
              onChange={() => arranger.setProgression(i)}
            />
            <span class="prog-text">
              <span class="prog-romans">{choice.romans.join(' – ')}</span>
              <span class="prog-names">
                {names.join(' – ')} <span class="muted">in {createKey(key.tonic, key.mode).name}</span>
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
