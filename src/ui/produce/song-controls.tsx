import { STYLES } from '../../production/styles';
import type { StyleId } from '../../production/types';
import { ARRANGER_LENGTHS, BPM_LIMITS } from '../../state/produce/arrangement';
import type { Arranger } from '../../state/produce/arranger';

function Die() {
  return (
    <svg class="arr-die" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="3" y="3" width="18" height="18" rx="4" />
      <circle cx="8" cy="8" r="1.6" />
      <circle cx="16" cy="8" r="1.6" />
      <circle cx="12" cy="12" r="1.6" />
      <circle cx="8" cy="16" r="1.6" />
      <circle cx="16" cy="16" r="1.6" />
    </svg>
  );
}

/** Style, seed (with the dice), length and tempo: the song-wide production choices. */
export function SongControls({ arranger }: { arranger: Arranger }) {
  const spec = arranger.spec.value;
  const song = arranger.song.value;
  const style = STYLES.find((s) => s.id === spec.style)!;
  return (
    <div class="arr-controls">
      <fieldset class="arr-styles">
        <legend>Style</legend>
        <div class="arr-segmented">
          {STYLES.map((s) => (
            <label
              key={s.id}
              class={`arr-segment${s.id === spec.style ? ' is-on' : ''}`}
              title={s.description}
            >
              <input
                type="radio"
                name="arr-style"
                value={s.id}
                checked={s.id === spec.style}
                onChange={() => arranger.setStyle(s.id as StyleId)}
              />
              {s.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="arr-field">
        <label for="arr-seed">Seed</label>
        <div class="arr-inline">
          <input
            id="arr-seed"
            class="arr-input arr-seed"
            type="number"
            inputMode="numeric"
            min={0}
            max={999999}
            value={spec.seed}
            onChange={(e) => arranger.setSeed(Number((e.currentTarget as HTMLInputElement).value))}
          />
          <button type="button" class="btn arr-dice" onClick={() => arranger.newIdea()}>
            <Die /> New idea
          </button>
        </div>
      </div>
      <div class="arr-field">
        <label for="arr-bars">Length</label>
        <select
          id="arr-bars"
          class="arr-input"
          value={spec.bars}
          onChange={(e) => arranger.setBars(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {ARRANGER_LENGTHS.map((n) => (
            <option key={n} value={n}>
              {n} bars
            </option>
          ))}
        </select>
      </div>
      <div class="arr-field arr-tempo">
        <label for="arr-bpm">
          Tempo <output for="arr-bpm">{song.bpm} BPM</output>
        </label>
        <input
          id="arr-bpm"
          type="range"
          min={BPM_LIMITS[0]}
          max={BPM_LIMITS[1]}
          step={1}
          value={song.bpm}
          aria-valuetext={`${song.bpm} beats per minute`}
          onInput={(e) => arranger.setBpm(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <span class="arr-hint">
          {style.label} usually sits at {style.bpmRange[0]}–{style.bpmRange[1]} BPM
        </span>
      </div>
    </div>
  );
}
