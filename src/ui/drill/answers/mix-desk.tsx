import { useState } from 'preact/hooks';
import { MIX_EQ_TYPES, type MixDimension, type TrackMix } from '../../../exercises/shared/mix-spec';
import type { TrackRef } from '../../../exercises/shared/tracks';
import {
  attackScale,
  formatSignedDb,
  linearScale,
  makeupScale,
  panScale,
  ratioScale,
  releaseScale,
  thresholdScale,
} from '../../mixer/control-scale';
import { EqGraph } from '../../mixer/EqGraph';
import { Knob } from '../../mixer/Knob';
import { OffsetFader } from '../OffsetFader';

/** Fader offsets from the rough mix: −30 … +18 dB. */
const offsetScale = linearScale(-30, 18, 1, 0.1, formatSignedDb);
const OFFSET_TICKS = [18, 12, 6, 0, -6, -12, -18, -24, -30];
/** A send knob's lowest setting reads as "off". */
const SEND_OFF_DB = -40;
/** Send levels: off (−40) … +6 dB; arrows 1 dB, Shift 0.1 dB. */
const mixSendScale = linearScale(SEND_OFF_DB, 6, 1, 0.1, (db) =>
  db <= SEND_OFF_DB ? 'Off' : formatSignedDb(db),
);

/** What the desk shows and where it reports changes. */
export interface MixDeskProps {
  tracks: readonly TrackRef[];
  /** What the desk lets the learner set. */
  dimensions: readonly MixDimension[];
  /** The desk as first found (reset values, and any track the mix lacks). */
  start: readonly TrackMix[];
  /** The current mix (null or short: the start fills in). */
  mix: readonly TrackMix[] | null | undefined;
  onChange: (tracks: TrackMix[]) => void;
  locked: boolean;
}

/**
 * A small desk (mix-match, fix-mix). One fader (and pan knob) per track; the chosen track's EQ, compressor
 * and sends open below when the level grades them. Every change plays in B at once.
 */
export function MixDesk({ tracks, dimensions, start, mix: given, onChange, locked }: MixDeskProps) {
  const mix = start.map((s, i) => given?.[i] ?? s);
  const [chosen, choose] = useState(0);
  const on = (d: MixDimension) => dimensions.includes(d);
  const set = (i: number, patch: Partial<TrackMix>) => {
    if (locked) return;
    onChange(mix.map((t, k) => (k === i ? { ...t, ...patch } : t)));
  };
  const track = mix[chosen] as TrackMix;
  const name = tracks[chosen]?.name ?? 'Track';
  const details = on('tone') || on('dynamics') || on('space');
  return (
    <div class="mix-desk">
      <div class="fader-row">
        {tracks.map((t, i) => (
          <div class={`fader-cell${details && i === chosen ? ' is-chosen' : ''}`} key={t.id}>
            <OffsetFader
              label={`${t.name} fader`}
              value={(mix[i] as TrackMix).faderDb}
              scale={offsetScale}
              ticks={OFFSET_TICKS}
              height={140}
              onChange={(db) => set(i, { faderDb: db })}
              onReset={() => set(i, { faderDb: (start[i] as TrackMix).faderDb })}
            />
            {on('pan') && (
              <Knob
                caption="Pan"
                label={`${t.name} pan`}
                value={(mix[i] as TrackMix).pan}
                scale={panScale}
                size={36}
                bipolar
                disabled={locked}
                onChange={(v) => set(i, { pan: v })}
                onReset={() => set(i, { pan: 0 })}
              />
            )}
            {details ? (
              <button
                type="button"
                class="btn btn-small fader-name"
                aria-pressed={i === chosen}
                onClick={() => choose(i)}
              >
                {t.name}
              </button>
            ) : (
              <span class="fader-name">{t.name}</span>
            )}
          </div>
        ))}
      </div>
      {details && (
        <div class="mix-track-detail">
          <h3 class="mix-track-title">{name}</h3>
          {on('tone') && (
            <EqGraph
              name={name}
              bands={track.eq.map((b, k) => ({
                enabled: true,
                type: MIX_EQ_TYPES[k] as (typeof MIX_EQ_TYPES)[number],
                frequency: b.frequencyHz,
                gainDb: b.gainDb,
                q: b.q,
              }))}
              highPass={{ enabled: false, frequency: 20 }}
              sampleRate={48000}
              color="var(--accent)"
              onBand={(k, patch) => {
                const eq = track.eq.map((b, j) =>
                  j === k
                    ? {
                        frequencyHz: patch.frequency ?? b.frequencyHz,
                        gainDb: patch.gainDb ?? b.gainDb,
                        q: patch.q ?? b.q,
                      }
                    : b,
                ) as TrackMix['eq'];
                set(chosen, { eq });
              }}
              onResetBand={(k) => {
                const eq = track.eq.map((b, j) => (j === k ? { ...b, gainDb: 0 } : b)) as TrackMix['eq'];
                set(chosen, { eq });
              }}
            />
          )}
          {on('dynamics') && (
            <div class="knob-row">
              <label class="mix-comp-on">
                <input
                  type="checkbox"
                  checked={track.comp.enabled}
                  disabled={locked}
                  onChange={(e) => set(chosen, { comp: { ...track.comp, enabled: e.currentTarget.checked } })}
                />{' '}
                Compressor
              </label>
              {(
                [
                  ['thresholdDb', 'Thresh', thresholdScale],
                  ['ratio', 'Ratio', ratioScale],
                  ['attackMs', 'Attack', attackScale],
                  ['releaseMs', 'Release', releaseScale],
                  ['makeupDb', 'Makeup', makeupScale],
                ] as const
              ).map(([field, caption, scale]) => (
                <Knob
                  key={field}
                  caption={caption}
                  label={`${name} compressor ${caption.toLowerCase()}`}
                  value={track.comp[field]}
                  scale={scale}
                  size={40}
                  disabled={locked || !track.comp.enabled}
                  onChange={(v) => set(chosen, { comp: { ...track.comp, [field]: v } })}
                  onReset={() =>
                    set(chosen, {
                      comp: { ...track.comp, [field]: (start[chosen] as TrackMix).comp[field] },
                    })
                  }
                />
              ))}
            </div>
          )}
          {on('space') && (
            <div class="knob-row">
              {(
                [
                  ['reverbDb', 'Reverb'],
                  ['delayDb', 'Delay'],
                ] as const
              ).map(([field, caption]) => (
                <Knob
                  key={field}
                  caption={caption}
                  label={`${name} ${caption.toLowerCase()} send`}
                  value={track[field] ?? SEND_OFF_DB}
                  scale={mixSendScale}
                  size={40}
                  disabled={locked}
                  onChange={(v) => set(chosen, { [field]: v <= SEND_OFF_DB ? null : v })}
                  onReset={() => set(chosen, { [field]: null })}
                />
              ))}
            </div>
          )}
        </div>
      )}
      <p class="muted answer-hint">
        Only the balance counts, not the overall level. Tab to a control and use the arrow keys (Shift for
        fine steps){details ? '; pick a track by its name to open its EQ, compressor and sends' : ''}.
      </p>
    </div>
  );
}
