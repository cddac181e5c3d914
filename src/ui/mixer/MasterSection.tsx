import type { MixerModel } from '../../state/mixer-model';
import { Fader } from './Fader';
import { LiveMeter } from './LiveMeter';

/**
 * The master section: master fader and meter (before the limiter, so it shows how hard the mix
 * pushes), and the hearing-safety limiter, shown as always on: it cannot be switched off.
 */
export function MasterSection({ model, faderHeight = 180 }: { model: MixerModel; faderHeight?: number }) {
  return (
    <section class="strip strip-master" aria-label="Master" style={{ '--strip-color': 'var(--accent)' }}>
      <div class="strip-name strip-name-master">Master</div>
      <div class="limiter-badge" title="A safety limiter at −1 dBFS protects your ears. It is always on.">
        <span class="limiter-led" aria-hidden="true" />
        <span>
          Limiter
          <br />
          −1 dBFS
          <br />
          <strong>always on</strong>
        </span>
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
    </section>
  );
}
