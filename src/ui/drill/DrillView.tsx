import { useEffect, useRef } from 'preact/hooks';
import { formatDb } from '../../dsp/db';
import { exercises } from '../../exercises/registry';
import { levelTextOnImported } from '../../exercises/shared/imported-kinds';
import { closeDrill, type DrillSession } from '../../state/drill/drill';
import { AnswerPanel } from './AnswerPanel';
import { DrillSummary } from './DrillSummary';
import { PlayerBar } from './PlayerBar';
import { PracticePanel } from './practice-panel';
import { ReviewPicture } from './ReviewPicture';
import { SaveStatus } from './SaveStatus';
import { ScoringRule } from './ScoringRule';

/** Whether a key press belongs to the focused control rather than to the drill's shortcuts. */
function ownedByControl(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return true;
  // Sliders (knobs, faders, EQ dots) use Enter to reset.
  return event.key === 'Enter' && target.getAttribute('role') === 'slider';
}

/** Where a drill view sits inside another page (a lesson): smaller headings, and its own way to close. */
export interface EmbeddedDrill {
  /** Called by the Back button before the first answer (instead of closing the app's drill). */
  onClose: () => void;
}

/**
 * A drill in progress: listen (Play, A/B, loop, level match), answer, submit, read the feedback and hear
 * the right answer against yours, then go on. Keys: P or Space play/stop, A/B pick a side, X swaps, L loops,
 * 1–9 pick choices, + and − boost/cut or up/down, Enter submits and goes to the next question.
 */
export function DrillView({ session, embedded }: { session: DrillSession; embedded?: EmbeddedDrill }) {
  const Title = embedded ? 'h3' : 'h1';
  const Prompt = embedded ? 'h4' : 'h2';
  const keys = useRef<((key: string) => boolean) | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const feedback = useRef<HTMLDivElement>(null);
  const phase = session.phase.value;
  const question = session.question.value;
  const index = session.index.value;
  const result = session.result.value;
  const player = session.player;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || ownedByControl(event)) return;
      const key = event.key;
      const current = session.phase.value;
      const onButton = (event.target as HTMLElement | null)?.tagName === 'BUTTON';
      let handled = true;
      if (key === 'p' || key === 'P' || (key === ' ' && !onButton)) void player.toggle();
      else if (key === 'a' || key === 'A') player.select('a');
      else if (key === 'b' || key === 'B') player.select('b');
      else if (key === 'x' || key === 'X') player.swap();
      else if (key === 'l' || key === 'L') player.setLooping(!(player.state.value?.looping ?? true));
      else if (key === 'Enter' && current === 'question') {
        if (session.canSubmit.value) void session.submit();
        else handled = !onButton;
      } else if (key === 'Enter' && current === 'answered') session.next();
      else if (current === 'question' && keys.current?.(key)) handled = true;
      else handled = false;
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [session, player]);

  // Leaving the Train page stops the sound; the drill itself waits (its answers so far are stored).
  useEffect(() => () => player.stop(), [player]);

  // Keyboard and screen-reader users land on the new question, then on the feedback after answering.
  useEffect(() => {
    if (phase === 'question') heading.current?.focus();
  }, [index, phase === 'question']);
  useEffect(() => {
    if (phase === 'answered') feedback.current?.focus();
  }, [phase]);

  if (phase === 'done') {
    // An embedded drill's owner shows the round's result itself.
    if (embedded) return null;
    return (
      <section class="stack drill">
        <header class="page-head">
          <h1>{session.title}</h1>
        </header>
        <DrillSummary session={session} />
      </section>
    );
  }
  if (!question) return null;
  const meta = exercises[question.kind].meta;
  const onImported = (question as { source?: { type?: string } }).source?.type === 'imported-song';
  const levelName =
    (onImported && levelTextOnImported(question.kind, question.level)?.name) ||
    (meta.levels[question.level - 1]?.name ?? '');
  const where = session.adaptive
    ? `Adaptive · ${meta.mainVariable?.name} ${question.adaptiveValue === undefined ? '' : meta.mainVariable?.unit === 'dB' ? formatDb(question.adaptiveValue) : `${question.adaptiveValue} ${meta.mainVariable?.unit}`}`
    : `Level ${question.level}: ${levelName}`;
  const answered = phase === 'answered';
  return (
    <section class="stack drill" aria-label={`${session.title} drill`}>
      <header class="drill-head">
        <div>
          <Title>{session.title}</Title>
          <p class="drill-where">
            <span class="drill-count">
              Question {index + 1} of {session.count}
            </span>{' '}
            · {where}
          </p>
        </div>
        <button
          type="button"
          class="btn btn-ghost"
          onClick={() =>
            phase === 'question' && index === 0 ? (embedded?.onClose ?? closeDrill)() : session.quit()
          }
        >
          {index === 0 && phase === 'question' ? 'Back' : 'End drill'}
        </button>
      </header>
      {session.continuedWith > 0 && index === session.continuedWith && phase === 'question' && (
        <p class="muted drill-continued" role="status">
          You are carrying on where you left off: your first {session.continuedWith}{' '}
          {session.continuedWith === 1 ? 'answer is' : 'answers are'} saved and count in the summary.
        </p>
      )}
      <div class="panel drill-question">
        <Prompt ref={heading} tabIndex={-1} class="drill-prompt">
          {meta.description}
        </Prompt>
        <PlayerBar player={player} />
      </div>
      {/* Practice examples are made on Headroom's songs: not offered in a drill on the learner's own song. */}
      {index === 0 && phase === 'question' && !session.adaptive && !session.onImportedSong && (
        <PracticePanel question={question} onPlay={() => player.stop()} />
      )}
      <div class="panel drill-answer">
        <AnswerPanel
          question={question}
          answer={session.answer.value}
          onChange={(a) => session.setAnswer(a)}
          locked={phase !== 'question'}
          right={answered ? exercises[question.kind].solve(question) : undefined}
          keys={keys}
        />
        <div class="drill-actions">
          {phase !== 'answered' ? (
            <>
              <button
                type="button"
                class="btn btn-primary"
                disabled={!session.canSubmit.value}
                onClick={() => void session.submit()}
                aria-keyshortcuts="Enter"
                aria-describedby={player.heard.value ? undefined : 'listen-first'}
              >
                {phase === 'checking' ? 'Scoring…' : 'Submit'}{' '}
                <span class="kbd" aria-hidden="true">
                  Enter
                </span>
              </button>
              {!player.heard.value && (
                <p class="muted answer-hint" id="listen-first">
                  Press Play (P) and listen before you answer.
                </p>
              )}
            </>
          ) : (
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => session.next()}
              aria-keyshortcuts="Enter"
            >
              {index + 1 >= session.count ? 'See the summary' : 'Next question'}{' '}
              <span class="kbd" aria-hidden="true">
                Enter
              </span>
            </button>
          )}
        </div>
      </div>
      <div class="drill-feedback" aria-live="polite">
        {answered && result && (
          <div ref={feedback} tabIndex={-1} class={`panel feedback${result.correct ? ' is-right' : ''}`}>
            <p class="feedback-score">
              <strong>{result.score}</strong> / 100 {result.correct ? '· right' : ''}
            </p>
            <p class="feedback-text">{result.feedback}</p>
            <ScoringRule id={question.kind} />
            <SaveStatus session={session} />
            <p class="muted">
              Now A plays the right answer and B yours: switch with A and B to hear the difference.
            </p>
            <ReviewPicture
              question={question}
              answer={session.answer.value}
              result={result}
              player={player}
            />
          </div>
        )}
      </div>
    </section>
  );
}
