import type { MixerModel } from '../../state/mixer/mixer-model';
import { formatSignedDb, widthScale } from './control-scale';
import { Fader } from './Fader';
import { Knob } from './Knob';
import { LiveMeter } from './LiveMeter';

/** The limiter's gain reduction as a size ("2.3 dB"), or "0 dB" when it has nothing to do. */
export function limiterWords(reductionDb: number): string {
  return reductionDb < -0.05 ? `${formatSignedDb(-reductionDb).replace(/^\+/, '')}` : '0 dB';
}

/**
 * Under the master meter: the loudness of what leaves the limiter (momentary LUFS, as streaming services
 * measure it) and the limiter's gain reduction now, beside the meter's post-limiter peak.
 */
function MasterReadouts({ model }: { model: MixerModel }) {
  const lufs = model.loudnessLufs.value;
  const reduction = model.limiterReductionDb.value;
  const playing = Number.isFinite(lufs);
  return (
    <dl class="master-readouts">
      <div title="How loud the mix is now (the last 0.4 s), in LUFS: streaming services play songs at about −14 LUFS.">
        <dt>Loudness</dt>
        <dd>{playing ? `${lufs.toFixed(1).replace('-', '−')} LUFS` : '—'}</dd>
      </div>
      <div title="How much the safety limiter is turning the mix down now.">
        <dt>Limiter</dt>
        <dd class={reduction < -0.05 ? 'is-limiting' : ''}>
          {reduction < -0.05 ? `−${limiterWords(reduction)}` : '0 dB'}
        </dd>
      </div>
    </dl>
  );
}

/** The limiter's badge: always on, and how much it turns the mix down now. */
function LimiterBadge({ model }: { model: MixerModel }) {
  const reduction = model.limiterReductionDb.value;
  const active = reduction < -0.05;
  return (
    <div
      class={`limiter-badge${active ? ' is-limiting' : ''}`}
      title="A safety limiter at −1 dBFS protects your ears. It is always on. The master meter shows what leaves it."
    >
      <span class="limiter-led" aria-hidden="true" />
      <span>
        Limiter
        <br />
        −1 dBFS
        <br />
        <strong class="limiter-gr">{active ? `turning down ${limiterWords(reduction)}` : 'always on'}</strong>
      </span>
    </div>
  );
}

/**
 * The master section: width and mono (check the mix in mono), master fader and meter (after the hearing-safety limiter: what you hear, never
 * above −1 dBFS), and the limiter, always on, with how much it is turning the mix down right now.
 */
export function MasterSection({ model, faderHeight = 180 }: { model: MixerModel; faderHeight?: number }) {
  // The live readings are read in small parts of their own (LimiterBadge, MasterReadouts): a reading that
  // changes while the song plays re-renders those, not the fader and the knob.
  return (
    <section class="strip strip-master" aria-label="Master" style={{ '--strip-color': 'var(--accent)' }}>
      <div class="strip-name strip-name-master">Master</div>
      <LimiterBadge model={model} />
      <div class="strip-width">
        <Knob
          caption="Width"
          label="Master stereo width"
          value={model.masterWidth.value}
          scale={widthScale}
          size={28}
          disabled={model.masterMono.value}
          onChange={model.setMasterWidth}
          onReset={() => model.setMasterWidth(1)}
        />
        <button
          type="button"
          class="ms-btn ms-mono"
          aria-pressed={model.masterMono.value}
          aria-label="Master mono"
          title="Listen to the whole mix in mono: what cancels or gets thin?"
          onClick={model.toggleMasterMono}
        >
          Mono
        </button>
      </div>
      <div class="strip-fader">
        <Fader
          label="Master fader"
          value={model.masterFaderDb.value}
          height={faderHeight}
          onChange={model.setMasterFader}
          onReset={model.resetMasterFader}
        />
        <LiveMeter
          label="Master level"
          meter={model.masterMeter}
          height={faderHeight}
          onResetHold={model.clearPeaks}
        />
      </div>
      <MasterReadouts model={model} />
    </section>
  );
}
