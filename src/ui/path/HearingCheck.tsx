import { useState } from 'preact/hooks';
import { formatHz } from '../../dsp/bands';
import { playTone } from '../../state/path/hearing-tone';
import { updateSetting } from '../../state/shared/storage';
import { EDGE_BANDS } from '../../training/hearing';

/**
 * Before the first sound: set a comfortable level on a reference tone, check left and right, and say
 * whether the lowest and highest bands come out of these speakers or headphones (bands not heard are left
 * out of the drills). Stored per device; "Check my sound again" on the Train page repeats it.
 */
export function HearingCheck({ onDone }: { onDone?: () => void }) {
  const [sides, setSides] = useState<'unknown' | 'ok' | 'swapped'>('unknown');
  const [unheard, setUnheard] = useState<number[]>([]);
  const [noSound, setNoSound] = useState(false);
  const play = async (hz: number, pan: number) => setNoSound(!(await playTone(hz, pan)));
  const save = async () => {
    await updateSetting('hearingCheck', {
      at: Date.now(),
      leftRightOk: sides !== 'swapped',
      unheardHz: unheard,
    });
    onDone?.();
  };
  return (
    <section class="panel hearing-check" aria-labelledby="hearing-title">
      <h2 id="hearing-title">Before the first sound: check your speakers or headphones</h2>
      <ol class="hearing-steps">
        <li>
          <p>
            <strong>A comfortable level.</strong> Play the tone and set your device’s volume so it is clear
            but not loud. Keep it there: every drill plays at about this level.
          </p>
          <button type="button" class="btn" onClick={() => void play(1000, 0)}>
            Play the reference tone
          </button>
        </li>
        <li>
          <p>
            <strong>Left and right.</strong> Each tone should come from its own side.
          </p>
          <div class="row">
            <button type="button" class="btn" onClick={() => void play(1000, -1)}>
              Play on the left
            </button>
            <button type="button" class="btn" onClick={() => void play(1000, 1)}>
              Play on the right
            </button>
          </div>
          <fieldset class="hearing-choice">
            <legend>Did each tone come from its side?</legend>
            <label>
              <input type="radio" name="sides" checked={sides === 'ok'} onChange={() => setSides('ok')} />{' '}
              Each came from its side
            </label>
            <label>
              <input
                type="radio"
                name="sides"
                checked={sides === 'swapped'}
                onChange={() => setSides('swapped')}
              />{' '}
              Swapped, or both in the middle
            </label>
          </fieldset>
          {sides === 'swapped' && (
            <p class="hearing-warn" role="status">
              Check that the headphones are the right way round (L on the left ear), or that your speakers are
              not set to mono. Panning drills need both sides.
            </p>
          )}
        </li>
        <li>
          <p>
            <strong>The lowest and highest bands.</strong> Some drills use {formatHz(EDGE_BANDS[0] as number)}{' '}
            and {formatHz(EDGE_BANDS[1] as number)}: you need speakers or headphones that play them (phone and
            laptop speakers often do not play the lowest; some ears no longer hear the highest). A band you
            cannot hear is left out of your drills.
          </p>
          {EDGE_BANDS.map((hz) => (
            <div class="row hearing-band" key={hz}>
              <button type="button" class="btn" onClick={() => void play(hz, 0)}>
                Play {formatHz(hz)}
              </button>
              <label>
                <input
                  type="checkbox"
                  checked={unheard.includes(hz)}
                  onChange={(e) =>
                    setUnheard((list) =>
                      (e.target as HTMLInputElement).checked ? [...list, hz] : list.filter((x) => x !== hz),
                    )
                  }
                />{' '}
                I cannot hear {formatHz(hz)}
              </label>
            </div>
          ))}
        </li>
      </ol>
      {noSound && (
        <p class="hearing-warn" role="alert">
          No sound could start. Tap a Play button again, and check the device is not muted.
        </p>
      )}
      <div class="row">
        <button type="button" class="btn btn-primary hearing-done" onClick={() => void save()}>
          Done: my sound is set
        </button>
      </div>
    </section>
  );
}
