import { useEffect } from 'preact/hooks';
import { getArranger } from '../../state/produce/arranger';
import { prepareAudio, suspendAudio } from '../../state/shared/audio';
import { undoCommandOf } from '../../state/shared/undo-stack';
import { ArrangerTransport } from './arranger-transport';
import { DecisionNote } from './decision-note';
import { DrumPanel } from './drum-panel';
import { ProgressionPicker } from './progression-picker';
import { SectionGrid } from './section-grid';
import { SongControls } from './song-controls';
import './arranger.css';

/** The arranger: style, seed, sections × tracks, drum steps, progression, sounds and tempo. */
export default function ArrangerView() {
  const arranger = getArranger();
  useEffect(() => {
    void prepareAudio();
    arranger.activate();
    // Ctrl/Cmd+Z takes back the last edit, Ctrl/Cmd+Shift+Z or Ctrl+Y makes it again (not while typing).
    const onKey = (event: KeyboardEvent) => {
      const command = undoCommandOf(event);
      const target = event.target;
      if (!command || (target instanceof HTMLInputElement && target.type === 'text')) return;
      if (target instanceof HTMLTextAreaElement) return;
      event.preventDefault();
      if (command === 'undo') arranger.undo();
      else arranger.redo();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      arranger.deactivate();
      void suspendAudio();
    };
  }, [arranger]);
  return (
    <div class="arranger">
      <div class="arr-intro">
        <p>
          Everything on this page is a <strong class="is-production">production</strong> decision: which
          notes, which sounds, how the song is arranged, how fast it goes. The{' '}
          <strong class="is-mixing">mixing</strong> decisions (levels, pan, EQ, compression, effects) happen
          in the mixer, on the parts you make here.
        </p>
        <p class="arr-kept">
          <span class="muted">
            {arranger.work.value
              ? 'Saved on this device as you work: find it again under Library.'
              : 'Change anything and it is saved on this device as you work.'}
          </span>{' '}
          <button
            type="button"
            class="btn"
            title="Take back the last change (Ctrl+Z)"
            disabled={!arranger.canUndo.value}
            onClick={() => arranger.undo()}
          >
            Undo
          </button>{' '}
          <button
            type="button"
            class="btn"
            title="Make it again (Ctrl+Shift+Z)"
            disabled={!arranger.canRedo.value}
            onClick={() => arranger.redo()}
          >
            Redo
          </button>{' '}
          <button type="button" class="btn" onClick={() => arranger.startNew()}>
            New arrangement
          </button>
        </p>
      </div>
      <section class="panel arr-song" aria-label="Song">
        <ArrangerTransport arranger={arranger} />
        <SongControls arranger={arranger} />
        <DecisionNote>
          Style, tempo and length shape the song before anyone touches a fader. Play gives the rough mix:
          every part at its starting level, nothing else.
        </DecisionNote>
      </section>
      <section class="panel arr-panel" aria-labelledby="arr-grid-h">
        <h2 id="arr-grid-h">Arrangement</h2>
        <DecisionNote>
          Which parts play in which section, and with which sound. Muting here leaves a part out of the song
          (the mixer’s mute only hides it for a moment).
        </DecisionNote>
        <SectionGrid arranger={arranger} />
      </section>
      <div class="arr-split">
        <DrumPanel arranger={arranger} />
        <section class="panel arr-panel" aria-labelledby="arr-chords-h">
          <h2 id="arr-chords-h">Chords</h2>
          <DecisionNote>
            The chord progression is the song’s harmony: bass, chords, keys and the tune follow it.
          </DecisionNote>
          <ProgressionPicker arranger={arranger} />
        </section>
      </div>
    </div>
  );
}
