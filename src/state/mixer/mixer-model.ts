import { batch, type Signal, signal } from '@preact/signals';
import type { CompressorSettings } from '../../dsp/compressor';
import type { Decibels, Lufs, Pan, SampleRate, Seconds } from '../../dsp/units';
import type { AnyContext, EqBandSettings, SendSettings, StripSettings } from '../../engine/index';
import {
  currentAudioContext,
  describe,
  reportAudioProblem,
  reportEngineFailure,
  startAudio,
} from '../shared/audio';
import { holdBusy } from '../shared/busy';
import { showNotice } from '../shared/notices';
import type { MixSource } from '../shared/test-sources';
import type { LiveMix } from './live-mix';
import { type MeterLoop, startMeterLoop } from './meter-loop';
import { type RestoredMix, restoreShape } from './mix-work';
import { type MeterView, SILENT_METER } from './peak-hold';
import { getAt, patchAt, type SettingsPath, setAt } from './settings-path';
import { sourceFrames } from './source-frames';
import { startingSettings } from './starting-settings';

export type { CompressorSettings } from '../../dsp/compressor';
export type { EqBandSettings, SendSettings, StripSettings } from '../../engine/index';
export type { MixSource, SourceTrack } from '../shared/test-sources';
export type { MeterView } from './peak-hold';

/** One strip as the UI sees it: its settings, its starting point (for reset) and its live readings. */
export interface StripModel {
  index: number;
  /** Track kind ('vocal', 'kick', 'noise' …), for the strip's colour. */
  trackId: string;
  settings: Signal<StripSettings>;
  /** Where every control returns on reset. */
  initial: StripSettings;
  meter: Signal<MeterView>;
  /** The compressor's current gain reduction (≤ 0 dB). */
  gainReductionDb: Signal<Decibels>;
}

/** The transport as the UI sees it. */
export interface TransportView {
  playing: boolean;
  position: Seconds;
  duration: Seconds;
  looping: boolean;
}

/** Which send a knob drives. */
export type SendName = 'reverb' | 'delay';

/** Where the model is: nothing loaded, loading the engine or a song, ready, or broken. */
export type MixerStatus = 'empty' | 'loading' | 'ready' | 'failed';

/** Starting level of the master fader. */
export const MASTER_DEFAULT_DB: Decibels = 0;

/**
 * A mixer model: signals for every strip, the master and the transport, and the actions that change
 * them. Each action updates its signal and forwards the same change to the live engine (which ramps it);
 * the model never touches an AudioNode. The engine is imported on demand (see live-mix.ts).
 */
export function createMixerModel(options: { holdOnce?: boolean } = {}) {
  const status = signal<MixerStatus>('empty');
  const source = signal<MixSource | null>(null);
  const strips = signal<StripModel[]>([]);
  const masterFaderDb = signal<Decibels>(MASTER_DEFAULT_DB);
  /** Master stereo width (1 = as panned) and the master mono button. */
  const masterWidth = signal(1);
  const masterMono = signal(false);
  /** What leaves the hearing-safety limiter (what the learner hears). */
  const masterMeter = signal<MeterView>(SILENT_METER);
  /** How much the limiter turns the mix down now (≤ 0 dB; 0 when it has nothing to do). */
  const limiterReductionDb = signal<Decibels>(0);
  /** Momentary loudness of what leaves the limiter (LUFS; −∞ when silent or stopped). */
  const loudnessLufs = signal<Lufs>(Number.NEGATIVE_INFINITY);
  const transport = signal<TransportView>({ playing: false, position: 0, duration: 0, looping: true });
  const selected = signal(0);
  const sampleRate = signal<SampleRate>(48000);
  let live: LiveMix | null = null;
  let attaching: Promise<LiveMix> | null = null;
  let releaseBusy: (() => void) | null = null;
  let meters: MeterLoop | null = null;
  let unsubscribe: (() => void) | null = null;
  /** A fuller source swapped in while the engine was built, handed to it just after (see attach). */
  let deferredSource: MixSource | null = null;
  /** The rest of the loaded source still on its way (see completeWith): an export waits for it. */
  let completing: Promise<unknown> | null = null;

  const loadEngine = () => import('./live-mix');

  function syncTransport(playing: boolean, position: Seconds): void {
    transport.value = { ...transport.value, playing, position };
    // The meter loop sleeps while nothing plays: playback wakes it.
    if (playing) meters?.wake();
    if (playing && !releaseBusy) releaseBusy = holdBusy('playback');
    if (!playing && releaseBusy) {
      releaseBusy();
      releaseBusy = null;
    }
  }

  /**
   * Replaces what is being mixed: one strip per track, at the track's starting balance, or where a stored
   * mix of the same tracks left it (`saved`, see mix-work.ts fittingMix).
   */
  async function load(next: MixSource, saved: RestoredMix | null = null): Promise<void> {
    status.value = 'loading';
    try {
      detach();
      batch(() => {
        source.value = next;
        sampleRate.value = next.sampleRate;
        strips.value = next.tracks.map((track, index) => {
          const initial = startingSettings(track);
          return {
            index,
            trackId: track.id,
            settings: signal(saved ? restoreShape(initial, saved.strips[index]) : initial),
            initial,
            meter: signal(SILENT_METER),
            gainReductionDb: signal(0),
          };
        });
        masterFaderDb.value = saved
          ? restoreShape(MASTER_DEFAULT_DB, saved.masterFaderDb)
          : MASTER_DEFAULT_DB;
        selected.value = Math.min(selected.value, Math.max(0, next.tracks.length - 1));
        const duration = sourceFrames(next) / next.sampleRate;
        transport.value = { ...transport.value, playing: false, position: 0, duration };
        status.value = 'ready';
      });
    } catch (error) {
      status.value = 'failed';
      reportAudioProblem(`The mixer could not load (${describe(error)}). Reload the page to try again.`);
    }
  }

  /**
   * Swaps in a fuller rendering of the loaded source (the same tracks, e.g. the whole song after its first
   * bars) without stopping: faders still at the old starting level move to the new one (the new rough
   * mix), everything the learner set stays. False (nothing changed) when the tracks differ.
   */
  function swapSource(next: MixSource): boolean {
    const current = source.value;
    const list = strips.value;
    if (!current || next.tracks.length !== list.length) return false;
    if (next.tracks.some((t, i) => t.id !== list[i]?.trackId)) return false;
    return batch(() => {
      source.value = next;
      list.forEach((strip, index) => {
        const track = next.tracks[index]!;
        const before = strip.initial.faderDb;
        strip.initial = { ...strip.initial, faderDb: track.defaultFaderDb };
        if (strip.settings.value.faderDb === before && before !== track.defaultFaderDb)
          setControl(index, ['faderDb'], track.defaultFaderDb);
      });
      const duration = sourceFrames(next) / next.sampleRate;
      transport.value = { ...transport.value, duration };
      deferredSource = null;
      live?.replaceSource(next);
      return true;
    });
  }

  /** Builds the live engine for the loaded source on `ctx` (once per context), with the current settings. */
  function attach(ctx: AnyContext): Promise<LiveMix> {
    if (live && live.context === ctx) return Promise.resolve(live);
    if (live) detach();
    const build = async (): Promise<LiveMix> => {
      const current = source.value;
      if (!current) throw new Error('nothing to play yet');
      const engine = await loadEngine();
      const settings = settingsNow();
      const master = masterFaderDb.value;
      const mix = await engine.createLiveMix(ctx, current, settings, master, options.holdOnce === true);
      const now = source.value;
      const sameSong = now && now.id === current.id && now.tracks.length === current.tracks.length;
      if (!sameSong) {
        // Another song was loaded while this one's engine was being built: build for that one.
        mix.dispose();
        return build();
      }
      // Controls moved while the engine was being built.
      strips.value.forEach((strip, index) => {
        if (strip.settings.value !== settings[index]) mix.updateStrip(index, strip.settings.value);
      });
      if (masterFaderDb.value !== master) mix.setMasterFaderDb(masterFaderDb.value);
      mix.setLoop(transport.value.looping);
      unsubscribe = mix.onChange((s) => syncTransport(s.playing, s.position));
      live = mix;
      if (masterWidth.value !== 1 || masterMono.value)
        mix.setMasterWidth(masterWidth.value, masterMono.value);
      // A fuller rendering swapped in while the engine was being built: handed over a moment later, so a
      // Play waiting for this engine starts on what was built (the same first samples) without waiting for
      // the whole song to be copied into the engine's buffers; the hand-over is seamless while playing.
      if (now !== current) {
        deferredSource = now;
        setTimeout(() => {
          if (live !== mix || deferredSource !== now) return;
          deferredSource = null;
          mix.replaceSource(now);
        }, 0);
      }
      return mix;
    };
    attaching ??= build().finally(() => {
      attaching = null;
    });
    return attaching;
  }

  function detach(): void {
    unsubscribe?.();
    unsubscribe = null;
    live?.dispose();
    live = null;
    syncTransport(false, 0);
  }

  function settingsNow(): StripSettings[] {
    return strips.value.map((s) => s.settings.value);
  }

  /** Sets one control of strip `index` and forwards it to the engine. */
  function setControl(index: number, path: SettingsPath, value: unknown): void {
    const strip = strips.value[index];
    if (!strip) return;
    strip.settings.value = setAt(strip.settings.value, path, value);
    live?.updateStrip(index, patchAt(path, value) as Parameters<LiveMix['updateStrip']>[1]);
  }

  async function play(): Promise<void> {
    const ctx = await startAudio();
    if (ctx?.state !== 'running') return;
    try {
      const mix = await attach(ctx);
      mix.play(transport.value.position >= transport.value.duration ? 0 : transport.value.position);
      meters?.wake();
    } catch (error) {
      reportEngineFailure(error);
    }
  }

  function stop(): void {
    live?.stop();
    syncTransport(false, live?.position ?? transport.value.position);
  }

  return {
    status,
    source,
    strips,
    masterFaderDb,
    masterWidth,
    masterMono,
    masterMeter,
    limiterReductionDb,
    loudnessLufs,
    transport,
    selected,
    sampleRate,
    load,
    swapSource,
    /** Starts fetching the engine now (while a song's parts render), so load() does not wait for it after. */
    preloadEngine(): void {
      void loadEngine().catch(() => undefined);
    },
    attach,
    /** The live engine, if built (tests and export use it). */
    get live(): LiveMix | null {
      return live;
    },
    setFader: (index: number, db: Decibels) => setControl(index, ['faderDb'], db),
    setPan: (index: number, pan: Pan) => setControl(index, ['pan'], Math.max(-1, Math.min(1, pan))),
    toggleMute: (index: number) => setControl(index, ['mute'], !strips.value[index]?.settings.value.mute),
    toggleSolo: (index: number) => setControl(index, ['solo'], !strips.value[index]?.settings.value.solo),
    setEqBand(index: number, band: number, patch: Partial<EqBandSettings>): void {
      for (const [key, value] of Object.entries(patch)) setControl(index, ['eq', band, key], value);
    },
    setHighPass(index: number, patch: Partial<StripSettings['highPass']>): void {
      for (const [key, value] of Object.entries(patch)) setControl(index, ['highPass', key], value);
    },
    setSaturation(index: number, patch: Partial<StripSettings['saturation']>): void {
      for (const [key, value] of Object.entries(patch)) setControl(index, ['saturation', key], value);
    },
    setLowPass(index: number, patch: Partial<StripSettings['lowPass']>): void {
      for (const [key, value] of Object.entries(patch)) setControl(index, ['lowPass', key], value);
    },
    setCompressor(index: number, patch: Partial<CompressorSettings & { enabled: boolean }>): void {
      for (const [key, value] of Object.entries(patch)) setControl(index, ['compressor', key], value);
    },
    setSend(index: number, send: SendName, patch: Partial<SendSettings>): void {
      for (const [key, value] of Object.entries(patch)) setControl(index, ['sends', send, key], value);
    },
    /** Puts one control (a path like ['eq', 1, 'gainDb']) back where the strip started. */
    resetControl(index: number, path: SettingsPath): void {
      const strip = strips.value[index];
      if (strip) setControl(index, path, getAt(strip.initial, path));
    },
    /** Puts every strip and the master where a snapshot has them (undo, redo), forwarding them to the engine. */
    applyMix(settings: readonly StripSettings[], masterDb: Decibels): void {
      batch(() => {
        strips.value.forEach((strip, index) => {
          const next = settings[index];
          if (!next || next === strip.settings.value) return;
          strip.settings.value = next;
          live?.updateStrip(index, next);
        });
        masterFaderDb.value = masterDb;
        live?.setMasterFaderDb(masterDb);
      });
    },
    setMasterFader(db: Decibels): void {
      masterFaderDb.value = db;
      live?.setMasterFaderDb(db);
    },
    /** Sets the master width (0 … 2; 1 = as panned). */
    setMasterWidth(width: number): void {
      masterWidth.value = Math.max(0, Math.min(2, width));
      live?.setMasterWidth(masterWidth.value, masterMono.value);
    },
    /** Switches the master's mono button (the whole mix summed to mono). */
    toggleMasterMono(): void {
      masterMono.value = !masterMono.value;
      live?.setMasterWidth(masterWidth.value, masterMono.value);
    },
    /** Sets a strip's stereo width (0 … 2; 1 = as panned). */
    setWidth: (index: number, width: number) => setControl(index, ['width'], Math.max(0, Math.min(2, width))),
    /** Switches a strip's mono button. */
    toggleMono: (index: number) => setControl(index, ['mono'], !strips.value[index]?.settings.value.mono),
    resetMasterFader(): void {
      masterFaderDb.value = MASTER_DEFAULT_DB;
      live?.setMasterFaderDb(MASTER_DEFAULT_DB);
    },
    select(index: number): void {
      selected.value = index;
    },
    play,
    stop,
    togglePlay: (): Promise<void> => (transport.value.playing ? Promise.resolve(stop()) : play()),
    setLooping(on: boolean): void {
      transport.value = { ...transport.value, looping: on };
      live?.setLoop(on);
    },
    seek(time: Seconds): void {
      const t = Math.max(0, Math.min(time, transport.value.duration));
      if (live) live.seek(t);
      transport.value = { ...transport.value, position: t };
    },
    /** Clears every held peak (clicking a meter's readout). */
    clearPeaks(): void {
      for (const s of strips.value)
        s.meter.value = { ...s.meter.value, holdDb: s.meter.value.peakDb, clipped: false };
      masterMeter.value = { ...masterMeter.value, holdDb: masterMeter.value.peakDb, clipped: false };
    },
    /** Starts the one loop that reads meters and position (meter-loop.ts) while something plays and the page is visible. */
    startMeters(): void {
      meters ??= startMeterLoop(() => live, {
        strips,
        masterMeter,
        limiterReductionDb,
        loudnessLufs,
        onPosition: (position) => {
          if (transport.value.playing) transport.value = { ...transport.value, position };
        },
      });
    },
    stopMeters(): void {
      meters?.stop();
      meters = null;
    },
    /**
     * Says the loaded source is a song's first seconds and `rest` swaps the whole song in (swapSource): an
     * export started before then waits for it.
     */
    completeWith(rest: Promise<unknown>): void {
      const mine = rest.catch(() => undefined);
      completing = mine;
      void mine.then(() => {
        if (completing === mine) completing = null;
      });
    },
    /** Renders the current mix offline and downloads it as a WAV file. */
    async exportWav(): Promise<void> {
      await completing;
      // The live mixer's buffers hold the song's samples once it is built (see live-mix.ts buffersFor).
      const current = deferredSource ?? live?.playingSource ?? source.value;
      if (!current) return;
      const release = holdBusy('export');
      try {
        const engine = await loadEngine();
        await engine.exportMixWav(current, settingsNow(), masterFaderDb.value, masterWidth.value);
        showNotice({ id: 'export', tone: 'success', text: 'Mix exported as a WAV file.' });
      } catch (error) {
        showNotice({ id: 'export', tone: 'error', text: `Export failed: ${describe(error)}` });
      } finally {
        release();
      }
    },
    /** Stops playback and drops the live engine (the settings stay). */
    detach,
    /**
     * Forgets the song: the live engine, its audio and the strips go, and the model is empty again (the Mix
     * page releases its song on leaving and loads it again, with its saved mix, when it opens).
     */
    unload(): void {
      detach();
      batch(() => {
        source.value = null;
        strips.value = [];
        masterMeter.value = SILENT_METER;
        transport.value = { ...transport.value, playing: false, position: 0, duration: 0 };
        status.value = 'empty';
      });
    },
    /** The live context the app plays through, if started. */
    currentContext: currentAudioContext,
  };
}

/** A mixer model (see createMixerModel). */
export type MixerModel = ReturnType<typeof createMixerModel>;

/** The Mix page's mixer: one for the app, so the mix survives leaving and coming back to the page. */
// Its sources are made afresh for each load, so the live mixer may take their samples over (held once).
export const mixer: MixerModel = createMixerModel({ holdOnce: true });
