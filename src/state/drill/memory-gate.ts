import { signal } from '@preact/signals';
import { offersMemoryMode } from '../../exercises/shared/memory-mode';
import { settings, updateSetting } from '../shared/storage';

/**
 * Memory mode in a drill: for one question of a matching kind, whether it is on, whether the reference (A)
 * is hidden yet, and the polite hint shown when something asks for A after it was hidden. The reference
 * hides when the learner presses "Hide the reference", when they first turn a control, and on the upper
 * levels by itself once A has played through the loop once. Once hidden it stays hidden for that question
 * (until the review, where A is the right answer); the setting is kept per kind.
 */

/** What the drill view shows of memory mode for the current question. */
export interface MemoryView {
  /** The question's kind offers memory mode (a matching kind, not a practice example). */
  available: boolean;
  /** Memory mode is on for this question. */
  on: boolean;
  /** The reference can no longer be played for this question. */
  hidden: boolean;
  /** This level hides the reference by itself after one pass through the loop. */
  onePass: boolean;
  /** Shown after a refused request for A; null otherwise. */
  hint: string | null;
}

/** The hint when memory mode is turned on after the learner already matched with the reference heard. */
export const NEXT_QUESTION_HINT =
  'Memory mode starts with the next question: you have already moved a control with the reference to compare.';

/** The hint when A is asked for after it was hidden. */
export const HIDDEN_HINT =
  'Memory mode: the reference is hidden for this question. Match B from memory, then submit (Enter).';

const OFF: MemoryView = { available: false, on: false, hidden: false, onePass: false, hint: null };

/** Whether the learner turned memory mode on for a kind (kept in settings). */
export function memoryModeSetting(kind: string): boolean {
  return offersMemoryMode(kind) && settings.peek().memoryMode?.[kind] === true;
}

/** Timers the gate uses (tests pass their own). */
export interface GateClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: GateClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Creates the gate one drill player owns; `onHide` is told when the reference becomes hidden (switch to B). */
export function createMemoryGate(onHide: () => void, clock: GateClock = realClock) {
  const view = signal<MemoryView>(OFF);
  let kind = '';
  let heardMs = 0;
  let since: number | null = null;
  let timer: unknown = null;
  let loopMs = 0;
  /** A control moved while memory mode was off (this question): turning it on now would mark a normal match. */
  let touchedOff = false;

  const stopTimer = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (since !== null) heardMs += clock.now() - since;
    since = null;
  };

  const hide = () => {
    const v = view.peek();
    if (!v.on || v.hidden) return;
    stopTimer();
    view.value = { ...v, hidden: true };
    onHide();
  };

  return {
    view,
    /** A new question: memory mode follows the kind's setting (never in practice). */
    reset(nextKind: string, options: { practice: boolean; onePass: boolean }): void {
      stopTimer();
      kind = nextKind;
      heardMs = 0;
      touchedOff = false;
      const available = !options.practice && offersMemoryMode(nextKind);
      view.value = {
        available,
        on: available && memoryModeSetting(nextKind),
        hidden: false,
        onePass: options.onePass,
        hint: null,
      };
    },
    /**
     * Turns memory mode on or off (kept for the kind); refused once the reference is hidden. Turned on after a
     * control moved with the reference to hear, it is kept for the next question but stays off for this one.
     */
    setOn(on: boolean): boolean {
      const v = view.peek();
      if (!v.available || v.hidden) return false;
      if (on && touchedOff) {
        view.value = { ...v, hint: NEXT_QUESTION_HINT };
        void updateSetting('memoryMode', { ...(settings.peek().memoryMode ?? {}), [kind]: true });
        return false;
      }
      view.value = { ...v, on, hint: null };
      if (!on) stopTimer();
      void updateSetting('memoryMode', { ...(settings.peek().memoryMode ?? {}), [kind]: on });
      return true;
    },
    /** "Hide the reference": from now on A cannot be played for this question. */
    hide,
    /** The learner turned a control: matching has begun, so the reference hides (memory mode only). */
    touched(): void {
      if (!view.peek().on) touchedOff = true;
      hide();
    },
    /** Whether the side may be heard now; a refused A shows the hint. Review mode always allows both. */
    allows(side: 'a' | 'b', mode: 'question' | 'review'): boolean {
      const v = view.peek();
      if (side === 'b' || mode === 'review' || !v.on || !v.hidden) return true;
      view.value = { ...v, hint: HIDDEN_HINT };
      return false;
    },
    /** Follows the playback: on one-pass levels, A hides itself once it has sounded for one loop length. */
    observe(playing: boolean, selected: 'a' | 'b', durationS: number, mode: 'question' | 'review'): void {
      const v = view.peek();
      const hearingA = playing && selected === 'a' && mode === 'question';
      if (!v.on || v.hidden || !v.onePass || !hearingA || durationS <= 0) {
        stopTimer();
        return;
      }
      if (since !== null) return;
      loopMs = durationS * 1000;
      since = clock.now();
      timer = clock.setTimeout(hide, Math.max(0, loopMs - heardMs));
    },
    /** How long A has sounded this question, ms (for the "plays once" note). */
    heardMs(): number {
      return heardMs + (since === null ? 0 : clock.now() - since);
    },
    /** Stops the pass timer (question cleared or player disposed). */
    clear(): void {
      stopTimer();
      view.value = OFF;
    },
  };
}

/** A drill player's memory-mode gate. */
export type MemoryGate = ReturnType<typeof createMemoryGate>;
