/**
 * The live A/B player every kind shares: two sides built with play-scene.ts feed the engine's AbCompare
 * (equal-power crossfade, safety limiter), both transports start on the same sample and loop, and loudness
 * matching is measured offline on the loop with the same graph code.
 */
import type { AbSide, AnyContext, AnyNode } from '../../engine';
import { AbCompare } from '../../engine';
import { type BuiltSide, buildSide, measureSideLoudness, morphSide, sameTopology } from './play-scene';
import { soloPair } from './play-solo';
import type {
  AbPair,
  LevelMatchView,
  Playback,
  PlaybackState,
  PreparedQuestion,
  SideSpec,
} from './play-types';

/** How a playback starts. */
export interface PlaybackOptions {
  /** The learner's level-match setting (the question may still turn it off). */
  levelMatch: boolean;
  /** Where the sound goes (default the destination). */
  output?: AnyNode;
  /** Wait after the last live change before re-measuring the level match, ms (default 250). */
  remeasureDelayMs?: number;
  /** The question pair's loudness, if already being measured (see measureQuestionLoudness). */
  loudness?: Promise<PairLoudness>;
  /**
   * Measures a pair's loudness (re-measures after changes, reviews, solos); default offline renders at the
   * question's measuring rate. Drills and lessons measure in a Worker instead (state/shared/level-match.ts).
   */
  measurePair?: (pair: AbPair) => Promise<PairLoudness>;
}

/** Loudness of both sides of a pair and how long measuring took. */
export interface PairLoudness {
  aLufs: number;
  bLufs: number;
  elapsedMs: number;
}

/**
 * Measures the question pair's loudness offline (no live context needed), so a drill can start it as soon
 * as a question is prepared and hand the promise to createPlayback.
 */
export async function measureQuestionLoudness<A>(prepared: PreparedQuestion<A>): Promise<PairLoudness> {
  const started = performance.now();
  const { a, b } = prepared.question;
  const [aLufs, bLufs] = await Promise.all([
    measureSideLoudness(a, prepared.sampleRate, prepared.measureRate),
    measureSideLoudness(b, prepared.sampleRate, prepared.measureRate),
  ]);
  return { aLufs, bLufs, elapsedMs: performance.now() - started };
}

/** How long play() waits for a level match still being measured before it starts anyway, ms. */
const MATCH_WAIT_MS = 1500;

function timeout(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts playing a prepared question on `ctx` (stopped at first; call play()). */
export async function createPlayback<A>(
  ctx: AnyContext,
  prepared: PreparedQuestion<A>,
  options: PlaybackOptions,
): Promise<Playback<A>> {
  const ab = await AbCompare.create(ctx, { output: options.output });
  const listeners = new Set<(s: PlaybackState) => void>();
  const blockedReason = prepared.levelMatch.allowed ? null : prepared.levelMatch.reason;
  let pair: AbPair = prepared.question;
  // Review: the pair as answered, before any solo.
  let reviewBase: AbPair | null = null;
  let sides: Record<AbSide, BuiltSide> = {
    a: await buildSide(ctx, pair.a, prepared.sampleRate, ab.inputA),
    b: await buildSide(ctx, pair.b, prepared.sampleRate, ab.inputB),
  };
  let looping = true;
  let disposed = false;
  let measureToken = 0;
  let bStale = false;
  let measuring: Promise<void> = Promise.resolve();
  let remeasureTimer: ReturnType<typeof setTimeout> | undefined;
  const match: LevelMatchView = {
    enabled: options.levelMatch && blockedReason === null,
    blockedReason,
    pending: false,
    trimDb: 0,
    trimmedSide: null,
    aLufs: null,
    bLufs: null,
    measuredMs: null,
  };
  let state: PlaybackState = {
    playing: false,
    looping,
    selected: 'a',
    labels: pair.labels,
    mode: 'question',
    levelMatch: { ...match },
    durationS: prepared.durationS,
  };

  const emit = (patch: Partial<PlaybackState> = {}) => {
    state = { ...state, ...patch, levelMatch: { ...match } };
    for (const listener of listeners) listener(state);
  };

  const applyMatch = () => {
    ab.setLevelMatch({ enabled: match.enabled, aLufs: match.aLufs, bLufs: match.bLufs });
    const view = ab.levelMatch;
    match.trimDb = view.trimDb;
    match.trimmedSide = view.trimmedSide;
  };

  /** Measures one or both sides (only while matching is on); stale results are dropped. */
  const measure = (which: 'both' | 'b', ready?: Promise<PairLoudness>) => {
    if (!match.enabled) return;
    const token = ++measureToken;
    const started = performance.now();
    match.pending = true;
    emit();
    const current = pair;
    const rate = prepared.measureRate;
    measuring = (async () => {
      try {
        const given = ready ?? options.measurePair?.(current);
        const [aLufs, bLufs, elapsedMs] = given
          ? await given.then((r) => [r.aLufs, r.bLufs, r.elapsedMs] as const)
          : [
              ...(await Promise.all([
                which === 'both' || match.aLufs === null
                  ? measureSideLoudness(current.a, prepared.sampleRate, rate)
                  : Promise.resolve(match.aLufs),
                measureSideLoudness(current.b, prepared.sampleRate, rate),
              ])),
              performance.now() - started,
            ];
        if (token !== measureToken || disposed) return;
        match.aLufs = aLufs;
        match.bLufs = bLufs;
        match.measuredMs = elapsedMs ?? performance.now() - started;
        bStale = false;
        match.pending = false;
        applyMatch();
        emit();
      } catch {
        if (token !== measureToken || disposed) return;
        match.pending = false;
        emit();
      }
    })();
  };

  const startBoth = (from: number) => {
    const at = ctx.currentTime + 0.03;
    sides.a.transport.play(from, at);
    sides.b.transport.play(from, at);
  };

  const rebuild = async (next: AbPair) => {
    const wasPlaying = state.playing;
    const position = sides.a.transport.position;
    const old = sides;
    old.a.transport.stop();
    old.b.transport.stop();
    const built = {
      a: await buildSide(ctx, next.a, prepared.sampleRate, ab.inputA),
      b: await buildSide(ctx, next.b, prepared.sampleRate, ab.inputB),
    };
    // Disposed meanwhile (Next pressed while the review was being built): dispose() took the old sides.
    if (disposed) {
      built.a.dispose();
      built.b.dispose();
      return;
    }
    sides = built;
    // Let the old voices finish their 5 ms declick fade before their nodes go.
    setTimeout(() => {
      old.a.dispose();
      old.b.dispose();
    }, 100);
    for (const side of ['a', 'b'] as const) sides[side].transport.setLoop(looping ? wholeLoop(side) : null);
    pair = next;
    if (wasPlaying) startBoth(Math.min(position, sides.a.transport.duration));
  };

  const wholeLoop = (side: AbSide) => ({ start: 0, end: sides[side].transport.duration });

  const watchEnd = () =>
    sides.a.transport.onChange((s) => {
      if (!s.playing && state.playing && !looping) emit({ playing: false });
    });
  let unwatch = watchEnd();

  measure('both', options.loudness);

  const playback: Playback<A> = {
    get state() {
      return state;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async play() {
      if (match.pending) await Promise.race([measuring, timeout(MATCH_WAIT_MS)]);
      if (disposed) return;
      startBoth(sides.a.transport.position >= sides.a.transport.duration ? 0 : sides.a.transport.position);
      emit({ playing: true });
    },
    stop() {
      sides.a.transport.stop();
      sides.b.transport.stop();
      emit({ playing: false });
    },
    setLooping(on) {
      looping = on;
      for (const side of ['a', 'b'] as const) sides[side].transport.setLoop(on ? wholeLoop(side) : null);
      emit({ looping: on });
    },
    select(side) {
      ab.select(side);
      emit({ selected: side });
    },
    update(answer) {
      if (!prepared.withAnswer || state.mode !== 'question') return;
      const b: SideSpec = prepared.withAnswer(answer);
      if (sameTopology(pair.b, b)) morphSide(sides.b, b);
      else void rebuild({ ...pair, b });
      pair = { ...pair, b };
      clearTimeout(remeasureTimer);
      bStale = true;
      if (match.enabled) {
        match.pending = true;
        emit();
        remeasureTimer = setTimeout(() => measure('b'), options.remeasureDelayMs ?? 250);
      }
    },
    async showReview(answer) {
      unwatch();
      reviewBase = prepared.review(answer);
      await rebuild(reviewBase);
      unwatch = watchEnd();
      match.aLufs = null;
      match.bLufs = null;
      emit({ mode: 'review', labels: pair.labels, solo: null });
      measure('both');
    },
    solo(name) {
      if (state.mode !== 'review' || !reviewBase || disposed) return;
      const next = soloPair(reviewBase, name);
      morphSide(sides.a, next.a);
      morphSide(sides.b, next.b);
      pair = next;
      match.aLufs = null;
      match.bLufs = null;
      emit({ solo: name });
      measure('both');
    },
    setLevelMatch(enabled) {
      match.enabled = enabled && blockedReason === null;
      applyMatch();
      emit();
      if (!match.enabled) return;
      if (match.aLufs === null) measure('both');
      else if (match.bLufs === null || bStale) measure('b');
    },
    dispose() {
      disposed = true;
      clearTimeout(remeasureTimer);
      unwatch();
      listeners.clear();
      sides.a.dispose();
      sides.b.dispose();
      ab.dispose();
    },
  };
  return playback;
}
