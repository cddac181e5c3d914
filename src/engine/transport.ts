import type { IAudioBufferSourceNode, IGainNode, TAnyAudioBuffer } from 'standardized-audio-context';
import type { Seconds } from '../dsp/units';
import type { AnyContext, AnyNode } from './types';

/** Anything the transport can feed: a Mixer, an A/B pair, or a test's own graph. */
export interface TransportTarget {
  /**
   * Connects the player of track `index` to that track's input. `channels` is the track's layout when the
   * player knows it (1 mono, 2 stereo), so a target can build only the panning that layout needs.
   */
  connectSource(index: number, node: AnyNode, channels?: number): void;
}

/** One target feeding several, e.g. the reference and the learner's mixer of an A/B compare. */
export function combineTargets(...targets: TransportTarget[]): TransportTarget {
  return {
    connectSource(index, node, channels) {
      for (const target of targets) target.connectSource(index, node, channels);
    },
  };
}

/** A loop region in seconds of the programme (start < end). */
export interface LoopRegion {
  start: Seconds;
  end: Seconds;
}

/** What listeners hear about: the state after a change. */
export interface TransportSnapshot {
  playing: boolean;
  /** Position at the moment of the change. */
  position: Seconds;
  loop: LoopRegion | null;
  duration: Seconds;
}

/** Timing options of a transport. */
export interface TransportOptions {
  /** How far ahead play() schedules the start, so every track starts on the same sample (default 20 ms). */
  leadS?: Seconds;
  /** Fade used when stopping, and when starting mid-programme, so neither clicks (default 5 ms). */
  declickS?: Seconds;
}

interface Voice {
  source: IAudioBufferSourceNode<AnyContext>;
  fade: IGainNode<AnyContext>;
}

/**
 * Plays one buffer per track into a target, sample-aligned: every source starts at the same `when` and
 * offset, and loops with the same loopStart/loopEnd. Position is derived from ctx.currentTime. State
 * changes are reported to plain listeners (no UI library here).
 */
export class Transport {
  private voices: Voice[] = [];
  private playing = false;
  private startedAt = 0;
  private startOffset = 0;
  private stoppedAt = 0;
  private loopRegion: LoopRegion | null = null;
  private generation = 0;
  private readonly listeners = new Set<(s: TransportSnapshot) => void>();
  private readonly leadS: Seconds;
  private readonly declickS: Seconds;

  constructor(
    private readonly ctx: AnyContext,
    private readonly target: TransportTarget,
    private buffers: readonly (TAnyAudioBuffer | null)[],
    options: TransportOptions = {},
  ) {
    this.leadS = options.leadS ?? 0.02;
    this.declickS = options.declickS ?? 0.005;
  }

  /** Length of the longest track. */
  get duration(): Seconds {
    return this.buffers.reduce((max, b) => Math.max(max, b?.duration ?? 0), 0);
  }

  /** True between play() and stop() (or the natural end). */
  get isPlaying(): boolean {
    return this.playing;
  }

  /** The loop region, or null when not looping. */
  get loop(): LoopRegion | null {
    return this.loopRegion && { ...this.loopRegion };
  }

  /** Where the programme is now, in seconds (wrapped inside the loop while looping). */
  get position(): Seconds {
    if (!this.playing) return this.stoppedAt;
    const elapsed = Math.max(0, this.ctx.currentTime - this.startedAt);
    return this.wrap(this.startOffset + elapsed);
  }

  /** Listens to state changes (play, stop, seek, loop, end); returns the unsubscribe function. */
  onChange(listener: (s: TransportSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the tracks (e.g. new stems); stops first if playing. */
  setBuffers(buffers: readonly (TAnyAudioBuffer | null)[]): void {
    if (this.playing) this.stop();
    this.buffers = buffers;
    this.stoppedAt = Math.min(this.stoppedAt, this.duration);
  }

  /**
   * Replaces the tracks without stopping: while playing, the new buffers take over leadS ahead at the
   * same position (a declick crossfade), so the same music with more of it rendered plays on seamlessly.
   */
  replaceBuffers(buffers: readonly (TAnyAudioBuffer | null)[]): void {
    if (!this.playing) {
      this.setBuffers(buffers);
      return;
    }
    const at = this.ctx.currentTime + this.leadS;
    const from = this.positionAt(at);
    this.buffers = buffers;
    this.play(from, at);
  }

  /**
   * Starts every track at `from` (default: the current position), all at the same context time `at`
   * (default now + leadS). Returns that start time. Starting at or after the loop's end starts at the
   * loop's start. Without any buffer nothing starts. Tracks should have equal lengths: a shorter one
   * ends (or loops) on its own.
   */
  play(from: Seconds = this.position, at: Seconds = this.ctx.currentTime + this.leadS): Seconds {
    if (this.playing) this.halt(at);
    if (!this.buffers.some((b) => b !== null)) return at;
    let offset = Math.max(0, Math.min(from, this.duration));
    if (this.loopRegion && offset >= this.loopRegion.end) offset = this.loopRegion.start;
    // Quantise to a sample frame, so "the same time" means the same sample for every source.
    const when = Math.ceil(at * this.ctx.sampleRate - 1e-6) / this.ctx.sampleRate;
    const generation = ++this.generation;
    this.voices = [];
    this.buffers.forEach((buffer, index) => {
      if (!buffer) return;
      const source = this.ctx.createBufferSource();
      source.buffer = buffer;
      this.applyLoop(source);
      const fade = this.ctx.createGain();
      if (offset > 0 && this.declickS > 0) {
        fade.gain.setValueAtTime(0, when);
        fade.gain.linearRampToValueAtTime(1, when + this.declickS);
      }
      source.connect(fade);
      this.target.connectSource(index, fade, buffer.numberOfChannels);
      source.onended = () => this.ended(generation, source, fade);
      source.start(when, offset);
      this.voices.push({ source, fade });
    });
    this.playing = true;
    this.startedAt = when;
    this.startOffset = offset;
    this.notify();
    return when;
  }

  /** Stops at time `at` (default now) with a short fade; the position stays where it stopped. */
  stop(at: Seconds = this.ctx.currentTime): void {
    if (!this.playing) return;
    this.stoppedAt = this.positionAt(at);
    this.halt(at);
    this.notify();
  }

  /** Moves to `time`; while playing, playback continues from there (re-scheduled leadS ahead). */
  seek(time: Seconds): void {
    const t = Math.max(0, Math.min(time, this.duration));
    if (this.playing) this.play(t);
    else {
      this.stoppedAt = t;
      this.notify();
    }
  }

  /** Sets or clears the loop region (clamped to the programme; an empty region clears it). */
  setLoop(region: LoopRegion | null): void {
    const start = region ? Math.max(0, region.start) : 0;
    const end = region ? Math.min(this.duration, region.end) : 0;
    const next = region && end > start ? { start, end } : null;
    const now = this.ctx.currentTime;
    const position = this.position;
    this.loopRegion = next;
    if (this.playing) {
      if (next && position >= next.end) {
        this.play(next.start);
        return;
      }
      // The sources keep playing; re-anchor so position keeps following them under the new region.
      for (const { source } of this.voices) this.applyLoop(source);
      this.startedAt = Math.max(now, this.startedAt);
      this.startOffset = position;
    }
    this.notify();
  }

  /** Stops everything and forgets the listeners. */
  dispose(): void {
    if (this.playing) this.halt(this.ctx.currentTime);
    this.listeners.clear();
  }

  private positionAt(time: Seconds): Seconds {
    return this.wrap(this.startOffset + Math.max(0, time - this.startedAt));
  }

  private wrap(t: Seconds): Seconds {
    const loop = this.loopRegion;
    if (loop && t >= loop.end) return loop.start + ((t - loop.start) % (loop.end - loop.start));
    return Math.min(t, this.duration);
  }

  private applyLoop(source: IAudioBufferSourceNode<AnyContext>): void {
    source.loop = this.loopRegion !== null;
    source.loopStart = this.loopRegion?.start ?? 0;
    source.loopEnd = this.loopRegion?.end ?? 0;
  }

  /** Fades out and stops the current voices at `at`; their nodes are released when they end. */
  private halt(at: Seconds): void {
    this.generation++;
    for (const { source, fade } of this.voices) {
      fade.gain.cancelScheduledValues(at);
      fade.gain.setValueAtTime(fade.gain.value, at);
      fade.gain.linearRampToValueAtTime(0, at + this.declickS);
      source.stop(at + this.declickS);
    }
    this.voices = [];
    this.playing = false;
  }

  private ended(generation: number, source: IAudioBufferSourceNode<AnyContext>, fade: AnyNode): void {
    source.disconnect();
    fade.disconnect();
    // The natural end of a non-looping programme: every voice of the current generation is done.
    if (generation !== this.generation || !this.playing) return;
    this.voices = this.voices.filter((v) => v.source !== source);
    if (this.voices.length === 0) {
      this.playing = false;
      this.stoppedAt = 0;
      this.notify();
    }
  }

  private notify(): void {
    const snapshot: TransportSnapshot = {
      playing: this.playing,
      position: this.position,
      loop: this.loop,
      duration: this.duration,
    };
    for (const listener of this.listeners) listener(snapshot);
  }
}
