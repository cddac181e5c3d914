/** The teacher's assignment builder: title, instructions, items (kind, level, questions), pass mark, due date, lessons. */
import { useState } from 'preact/hooks';
import { importedLevelProblem, takesImported } from '../../exercises/shared/imported-kinds';
import type { Assignment } from '../../state/classroom/classroom';
import {
  type AssignmentDraft,
  assignableSongs,
  createAssignment,
  exerciseChoices,
} from '../../state/classroom/classroom-teacher';
import { lessons } from '../../state/shared/lessons';

const MAX_TITLE = 120;
const MAX_INSTRUCTIONS = 2000;

function emptyDraft(): AssignmentDraft {
  return {
    title: '',
    instructions: '',
    items: [{ exercise: exerciseChoices()[0]?.id ?? 'eq-boost', level: 1, count: 10 }],
    passMark: 70,
    due: '',
    lessons: [],
  };
}

/** The form; `onCreated` receives the stored assignment (with its fixed seeds). */
export function AssignmentBuilder({ onCreated }: { onCreated: (a: Assignment) => void }) {
  const [draft, setDraft] = useState<AssignmentDraft>(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const kinds = exerciseChoices();
  const set = (change: Partial<AssignmentDraft>) => setDraft({ ...draft, ...change });
  const setItem = (i: number, change: Partial<AssignmentDraft['items'][number]>) =>
    set({ items: draft.items.map((it, k) => (k === i ? { ...it, ...change } : it)) });
  const questions = draft.items.reduce((n, it) => n + it.count, 0);
  return (
    <form
      class="panel stack cr-builder"
      aria-labelledby="build-h"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await createAssignment(draft);
        if (!r.ok) return setError(r.error);
        setError(null);
        setDraft(emptyDraft());
        onCreated(r.assignment);
      }}
    >
      <h2 id="build-h">New assignment</h2>
      <label class="cr-field">
        <span>Title</span>
        <input
          class="cr-input"
          required
          maxLength={MAX_TITLE}
          value={draft.title}
          onInput={(e) => set({ title: e.currentTarget.value })}
        />
      </label>
      <label class="cr-field">
        <span>Instructions for students (optional)</span>
        <textarea
          class="cr-input"
          rows={3}
          maxLength={MAX_INSTRUCTIONS}
          value={draft.instructions}
          onInput={(e) => set({ instructions: e.currentTarget.value })}
        />
      </label>
      {assignableSongs.value.length > 0 && (
        <label class="cr-field">
          <span>Music</span>
          <select
            class="cr-input"
            value={draft.songId ?? ''}
            onChange={(e) => {
              const songId = e.currentTarget.value;
              // On your own song only the drills that can use it are offered: the others switch to the first.
              const first = kinds.find((k) => takesImported(k.id))?.id ?? 'level-change';
              const items = songId
                ? draft.items.map((it) =>
                    !takesImported(it.exercise)
                      ? { ...it, exercise: first, level: 1 }
                      : importedLevelProblem(it.exercise, it.level)
                        ? { ...it, level: 1 }
                        : it,
                  )
                : draft.items;
              set({ songId, items });
            }}
          >
            <option value="">Headroom’s songs</option>
            {assignableSongs.value.map((song) => (
              <option key={song.id} value={song.id}>
                Your song: {song.name}
              </option>
            ))}
          </select>
          {draft.songId && (
            <span class="cr-hint">
              Students import the same stem files (share them with the link); Headroom checks they are yours.
            </span>
          )}
        </label>
      )}
      <fieldset class="cr-items-edit">
        <legend>Items</legend>
        {draft.items.map((it, i) => {
          const kind = kinds.find((k) => k.id === it.exercise);
          return (
            <fieldset key={i} class="cr-item-row">
              <legend class="cr-visually-hidden">Item {i + 1}</legend>
              <span class="cr-item-n" aria-hidden="true">
                {i + 1}
              </span>
              <label class="cr-field">
                <span>Exercise</span>
                <select
                  class="cr-input"
                  value={it.exercise}
                  onChange={(e) => setItem(i, { exercise: e.currentTarget.value, level: 1 })}
                >
                  {kinds.map((k) => (
                    <option key={k.id} value={k.id} disabled={!!draft.songId && !takesImported(k.id)}>
                      {k.title}
                      {draft.songId && !takesImported(k.id) ? ' (only Headroom’s songs)' : ''}
                    </option>
                  ))}
                </select>
              </label>
              <label class="cr-field">
                <span>Level</span>
                <select
                  class="cr-input"
                  value={String(it.level)}
                  onChange={(e) => setItem(i, { level: Number(e.currentTarget.value) })}
                >
                  {(kind?.levelNames ?? []).map((name, l) => {
                    // A level an imported song cannot carry (mix-match's compression levels) is not offered on one.
                    const ownOnly = !!draft.songId && importedLevelProblem(it.exercise, l + 1) !== null;
                    return (
                      <option key={name} value={String(l + 1)} disabled={ownOnly}>
                        {l + 1}. {name}
                        {ownOnly ? ' (only Headroom’s songs)' : ''}
                      </option>
                    );
                  })}
                </select>
              </label>
              <label class="cr-field cr-narrow">
                <span>Questions</span>
                <input
                  class="cr-input"
                  type="number"
                  min={1}
                  max={100}
                  required
                  value={it.count}
                  onInput={(e) =>
                    setItem(i, {
                      count: Math.max(1, Math.min(100, Math.round(Number(e.currentTarget.value) || 1))),
                    })
                  }
                />
              </label>
              {draft.items.length > 1 && (
                <button
                  type="button"
                  class="btn btn-ghost"
                  aria-label={`Remove item ${i + 1}`}
                  onClick={() => set({ items: draft.items.filter((_, k) => k !== i) })}
                >
                  ✕
                </button>
              )}
            </fieldset>
          );
        })}
        <div class="row">
          <button
            type="button"
            class="btn"
            disabled={draft.items.length >= 30}
            onClick={() =>
              set({ items: [...draft.items, { ...draft.items[draft.items.length - 1]!, level: 1 }] })
            }
          >
            Add item
          </button>
          <span class="muted">{questions} questions in all; every student gets the same ones.</span>
        </div>
      </fieldset>
      <div class="row">
        <label class="cr-field cr-narrow">
          <span>Pass mark</span>
          <input
            class="cr-input"
            type="number"
            min={0}
            max={100}
            required
            value={draft.passMark}
            onInput={(e) => set({ passMark: Math.round(Number(e.currentTarget.value)) })}
          />
        </label>
        <label class="cr-field cr-date">
          <span>Due date (optional)</span>
          <input
            class="cr-input"
            type="date"
            value={draft.due}
            onInput={(e) => set({ due: e.currentTarget.value })}
          />
        </label>
      </div>
      {lessons.length > 0 && (
        <details class="cr-lessons">
          <summary>
            Lessons to do first (optional{draft.lessons.length ? `: ${draft.lessons.length} chosen` : ''})
          </summary>
          <div class="cr-lesson-grid">
            {lessons.map((l) => (
              <label key={l.id} class="choice">
                <input
                  type="checkbox"
                  checked={draft.lessons.includes(l.id)}
                  onChange={(e) =>
                    set({
                      lessons: e.currentTarget.checked
                        ? [...draft.lessons, l.id]
                        : draft.lessons.filter((x) => x !== l.id),
                    })
                  }
                />
                {l.title}
              </label>
            ))}
          </div>
        </details>
      )}
      {error && (
        <p class="cr-error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="btn btn-primary">
          Create assignment
        </button>
      </div>
    </form>
  );
}
