import { signal } from '@preact/signals';
import type { IAnalyserNode, IAudioContext, IGainNode } from 'standardized-audio-context';
import { dbToGain, gainToDb } from '../../dsp/db';
import type { Decibels, Seconds } from '../../dsp/units';
import type { AnyNode, Transport } from '../../engine/index';
import type { Stems, TrackId } from '../../production/types';
import { holdBusy } from '../shared/busy';

/**
 * The arranger's preview: the rendered stems as a rough mix (every part at its default fader, nothing
 * else — no EQ, no effects: those are the mixer's job), looped, on the live AudioContext. The engine's
 * Transport keeps the parts sample-aligned; it is imported on demand so it stays out of the first screen.
 * New stems (after an edit) replace the old ones at the same place in the song.
 */

/** How long a gain change takes, so muting mid-note does not click. */
const RAMP_S: Seconds = 0.01;

interface Graph {
  ctx: IAudioContext;
  transport: Transport;
  master: IGainNode<IAudioContext>;
  analyser: IAnalyserNode<IAudioContext>;
  /** One gain per part, made on first use and kept, so old voices fade out through their own node. */
  gains: Map<TrackId, IGainNode<IAudioContext>>;
}

function gainOf(g: Graph, id: TrackId): IGainNode<IAudioContext> {
  let gain = g.gains.get(id);
  if (!gain) {
    gain = g.ctx.createGain();
    gain.connect(g.master);
    g.gains.set(id, gain);
  }
  return gain;
}

/** Creates the preview player; the arranger owns one. */
export function createArrangerPlayer() {
  const playing = signal(false);
  let graph: Graph | null = null;
  let stems: Stems | null = null;
  let silenced = new Set<TrackId>();
  let releaseBusy: (() => void) | null = null;
  let scratch: Float32Array<ArrayBuffer> = new Float32Array(0);

  function setPlaying(on: boolean): void {
    playing.value = on;
    if (on && !releaseBusy) releaseBusy = holdBusy('arranger-playback');
    if (!on && releaseBusy) {
      releaseBusy();
      releaseBusy = null;
    }
  }

  async function graphFor(ctx: IAudioContext): Promise<Graph> {
    if (graph?.ctx === ctx) return graph;
    dispose();
    const { Transport } = await import('../../engine/index');
    const master = ctx.createGain();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    master.connect(analyser);
    analyser.connect(ctx.destination);
    const target = {
      connectSource(index: number, node: AnyNode) {
        const id = stems?.tracks[index]?.id;
        if (id && graph) node.connect(gainOf(graph, id));
      },
    };
    const transport = new Transport(ctx, target, []);
    transport.onChange((s) => setPlaying(s.playing));
    graph = { ctx, transport, master, analyser, gains: new Map() };
    return graph;
  }

  /** Sets every part's gain: its default fader, or silence when muted since the render. */
  function applyGains(g: Graph, at: Seconds): void {
    for (const track of stems?.tracks ?? []) {
      const gain = gainOf(g, track.id);
      const target = silenced.has(track.id) ? 0 : dbToGain(track.defaultFaderDb);
      gain.gain.cancelScheduledValues(at);
      gain.gain.setTargetAtTime(target, at, RAMP_S / 3);
    }
  }

  function load(g: Graph, next: Stems, loopEnd: Seconds): void {
    stems = next;
    const buffers = next.tracks.map((t) => {
      const buffer = g.ctx.createBuffer(t.channels.length, Math.max(1, next.length), next.sampleRate);
      t.channels.forEach((data, c) => {
        buffer.copyToChannel(data, c);
      });
      return buffer;
    });
    g.transport.setBuffers(buffers);
    g.transport.setLoop({ start: 0, end: Math.min(loopEnd, g.transport.duration) });
    applyGains(g, g.ctx.currentTime);
  }

  return {
    /** True while the preview plays. */
    playing,
    /** Loads the engine ahead of the first Play, so the click only has to build a few nodes. */
    prepare(): void {
      void import('../../engine/index').catch(() => undefined);
    },
    /** Plays `next` from `from` seconds, looping [0, loopEnd); resolves when the start is scheduled. */
    async play(ctx: IAudioContext, next: Stems, from: Seconds, loopEnd: Seconds): Promise<void> {
      const g = await graphFor(ctx);
      if (stems !== next) load(g, next, loopEnd);
      g.transport.play(Math.max(0, Math.min(from, g.transport.duration)));
    },
    /** Replaces the stems (looping [0, loopEnd)); if playing, carries on from `from` in the new ones. */
    swap(next: Stems, from: Seconds, loopEnd: Seconds): void {
      const g = graph;
      silenced = new Set();
      if (!g) {
        stems = next;
        return;
      }
      const wasPlaying = g.transport.isPlaying;
      load(g, next, loopEnd);
      if (wasPlaying) g.transport.play(from % loopEnd);
    },
    /** Silences parts at once (a mute, before the re-render without them arrives). */
    silence(ids: readonly TrackId[]): void {
      silenced = new Set(ids);
      if (graph) applyGains(graph, graph.ctx.currentTime);
    },
    stop(): void {
      graph?.transport.stop();
    },
    /** Where the preview is in the song (seconds). */
    position(): Seconds {
      return graph?.transport.position ?? 0;
    },
    /** Peak of the output right now (dBFS), for a small meter; −Infinity when silent. */
    readPeakDb(): Decibels {
      const analyser = graph?.analyser;
      if (!analyser || !playing.value) return Number.NEGATIVE_INFINITY;
      if (scratch.length !== analyser.fftSize) scratch = new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(scratch);
      let peak = 0;
      for (const v of scratch) peak = Math.max(peak, Math.abs(v));
      return gainToDb(peak);
    },
    /** Stops and releases every node. */
    dispose,
  };

  function dispose(): void {
    if (!graph) return;
    graph.transport.dispose();
    for (const gain of graph.gains.values()) gain.disconnect();
    graph.master.disconnect();
    graph.analyser.disconnect();
    graph = null;
    setPlaying(false);
  }
}

/** The arranger's preview player (see createArrangerPlayer). */
export type ArrangerPlayer = ReturnType<typeof createArrangerPlayer>;
