import { DRUM_HIT_NAMES } from '../../production/drum-hits';
import { currentPattern, stepLevel } from '../../state/produce/arrangement';
import type { Arranger } from '../../state/produce/arranger';
import { DecisionNote } from './decision-note';
import { StepGrid } from './step-grid';

const HIT_LABELS: Readonly<Record<string, string>> = {
  kick: 'Kick',
  rim: 'Rim',
  snare: 'Snare',
  clap: 'Clap',
  hat: 'Hi-hat',
  'pedal-hat': 'Pedal hat',
  'open-hat': 'Open hat',
  crash: 'Crash',
  'tom-lo': 'Low tom',
  'tom-mid': 'Mid tom',
  'tom-hi': 'High tom',
  tambourine: 'Tambourine',
  shaker: 'Shaker',
};

const levelName = (velocity: number) => stepLevel(velocity)?.name ?? 'off';

/** The one-bar drum groove as a step grid, with what the rows do through the song. */
export function DrumPanel({ arranger }: { arranger: Arranger }) {
  const spec = arranger.spec.value;
  const pattern = currentPattern(spec, arranger.song.value);
  const rows = pattern.map((row) => {
    const name = DRUM_HIT_NAMES[row.hit] ?? 'drum';
    return { label: HIT_LABELS[name] ?? name, track: row.track, steps: row.steps };
  });
  return (
    <section class="panel arr-panel" aria-labelledby="arr-drums-h">
      <div class="arr-panel-head">
        <h2 id="arr-drums-h">Drum pattern</h2>
        <button
          type="button"
          class="btn btn-ghost arr-reset"
          disabled={!spec.drumPattern}
          onClick={() => arranger.resetDrums()}
        >
          Back to the seed’s groove
        </button>
      </div>
      <DecisionNote>
        The groove is part of the song itself: which drum hits when, and how hard. Quiet sections play fewer
        rows, and fills end each section.
      </DecisionNote>
      <div class="arr-steps-scroll">
        <StepGrid
          rows={rows}
          levelName={levelName}
          onToggle={arranger.toggleStep}
          onCycle={arranger.cycleStep}
        />
      </div>
      <p class="arr-hint">
        Click or press Space to switch a step on or off. Shift-click (or Shift+Space) makes it louder: soft,
        medium, normal, accent. Arrow keys move around the grid.
      </p>
    </section>
  );
}
