import { useEffect, useState } from 'preact/hooks';
import { type ExerciseId, exerciseIds, exercises } from '../../exercises/registry';
import { levelTextOnImported } from '../../exercises/shared/imported-kinds';
import type { Skill } from '../../exercises/types';
import { continueDrill, DEFAULT_ADAPTIVE_COUNT, DEFAULT_COUNT, startDrill } from '../../state/drill/drill';
import {
  describeUnfinished,
  refreshUnfinishedDrills,
  type UnfinishedDrill,
  unfinishedDrills,
} from '../../state/drill/drill-unfinished';
import { drillMusic, songByHash } from '../../state/library/drill-songs';
import { showNotice } from '../../state/shared/notices';
import { activeProfileId } from '../../state/shared/storage';
import { MusicChoice, musicProblem } from './music-choice';
import { ScoringRule } from './ScoringRule';

/** The skills in the order the picker shows them, with a heading and a line each. */
const SKILLS: { id: Skill; title: string; text: string }[] = [
  {
    id: 'faders',
    title: 'Faders',
    text: 'Hear which part got louder or softer, and which of two versions is louder; balance a mix against a reference.',
  },
  { id: 'pan', title: 'Panning', text: 'Place an instrument between hard left and hard right.' },
  {
    id: 'stereo',
    title: 'Stereo width',
    text: 'Hear which version is wider, how wide it is, and what disappears in mono.',
  },
  {
    id: 'eq',
    title: 'EQ',
    text: 'Spot the boosted band, or a boost and a cut at once; match a boost or cut by ear; find a ring and cut it.',
  },
  {
    id: 'compression',
    title: 'Compression',
    text: 'Hear gain reduction, attack and release; match a compressor.',
  },
  {
    id: 'distortion',
    title: 'Distortion',
    text: 'Hear which version is driven into saturation, and how hard.',
  },
  { id: 'space', title: 'Reverb and delay', text: 'Tell decay times and delay note values apart.' },
  {
    id: 'production',
    title: 'Production or mixing?',
    text: 'Two versions differ by one change: which kind?',
  },
  {
    id: 'mixing',
    title: 'Whole mixes',
    text: 'Mix a whole song towards a reference: every track, every control, graded track by track.',
  },
];

/** What a lesson link may preselect (/train?kind=eq-boost&level=2&count=5). */
export interface Preselect {
  kind: string | null;
  level: string | null;
  count: string | null;
}

let focused = false;

/** A kept drill's imported song on this device, by its hash (null when it is gone). */
async function findDrillSong(hash: string) {
  return (await songByHash(hash))?.summary ?? null;
}

/**
 * Continues a kept drill (on its imported song, when it had one); a failure (storage, a question that could not
 * be made, the song gone from this device) ends as a plain notice.
 */
export async function openKeptDrill(
  kept: UnfinishedDrill,
  open = (k: UnfinishedDrill) => continueDrill(k, findDrillSong),
): Promise<void> {
  try {
    await open(kept);
  } catch (error) {
    const why = error instanceof Error && error.message ? ` (${error.message.replace(/\.$/, '')})` : '';
    showNotice({
      id: 'continue-drill',
      tone: 'error',
      text: `“${describeUnfinished(kept)}” could not be continued${why}. Try again, or start the drill anew.`,
    });
  }
}

/** Continues a kept drill (its questions may take a moment to make: the button says so meanwhile). */
function ContinueButton({
  kept,
  primary,
  short,
}: {
  kept: UnfinishedDrill;
  primary?: boolean;
  /** On the kind's own card: the place only ("Continue at question 4 of 10", level 2). */
  short?: boolean;
}) {
  const [opening, setOpening] = useState(false);
  return (
    <button
      type="button"
      class={`btn${primary ? ' btn-primary' : ''} continue-drill`}
      disabled={opening}
      onClick={() => {
        setOpening(true);
        void openKeptDrill(kept).finally(() => setOpening(false));
      }}
    >
      {opening
        ? 'Opening…'
        : short
          ? `Continue at question ${kept.answers.length + 1} of ${kept.count}`
          : `Continue: ${describeUnfinished(kept)}`}
    </button>
  );
}

/** Drills left part-way (a reload, a closed app): each continues where it was left (Train shows it first). */
export function UnfinishedDrills() {
  const profile = activeProfileId.value;
  useEffect(() => void refreshUnfinishedDrills(), [profile]);
  const list = unfinishedDrills.value;
  if (list.length === 0) return null;
  return (
    <section class="panel unfinished-drills" aria-labelledby="unfinished-title">
      <h2 id="unfinished-title">Carry on where you left off</h2>
      <p class="muted">
        Your answers so far are saved, and you get the same questions you had left. Start on that drill below
        begins it afresh instead.
      </p>
      <div class="row">
        {list.map((kept, i) => (
          <ContinueButton key={kept.kind} kept={kept} primary={i === 0} />
        ))}
      </div>
    </section>
  );
}

function KindCard({ id, preselect }: { id: ExerciseId; preselect: Preselect }) {
  const meta = exercises[id].meta;
  const kept = unfinishedDrills.value.find((d) => d.kind === id);
  const chosen = preselect.kind === id;
  const [level, setLevel] = useState<string>(chosen && preselect.level ? preselect.level : '1');
  const adaptive = level === 'adaptive';
  const count =
    chosen && preselect.count ? Number(preselect.count) : adaptive ? DEFAULT_ADAPTIVE_COUNT : DEFAULT_COUNT;
  const spec = adaptive ? null : meta.levels[Number(level) - 1];
  // The imported song chosen as Train's music, when this kind can use it (else Headroom's songs, and why).
  const problem = musicProblem(id, adaptive ? undefined : Number(level));
  const song = problem === null ? drillMusic.value : null;
  return (
    <li class={`panel kind-card${chosen ? ' is-chosen' : ''}`} data-kind={id}>
      <h3>{meta.title}</h3>
      <p>{meta.description}</p>
      <p class="kind-scoring">
        <strong>Score:</strong> {meta.scoring}
      </p>
      <ScoringRule id={id} />
      <div class="kind-start">
        <label class="kind-level">
          <span>Level</span>
          <select value={level} onChange={(e) => setLevel((e.currentTarget as HTMLSelectElement).value)}>
            {meta.levels.map((l, i) => (
              <option key={l.name} value={String(i + 1)}>
                {i + 1}.{' '}
                {(drillMusic.value &&
                  musicProblem(id, i + 1) === null &&
                  levelTextOnImported(id, i + 1)?.name) ||
                  l.name}
              </option>
            ))}
            {meta.adaptive && <option value="adaptive">Adaptive (finds your threshold)</option>}
          </select>
        </label>
        <button
          type="button"
          class="btn btn-primary"
          aria-label={`Start ${meta.title}`}
          aria-describedby={`count-${id}`}
          ref={(el) => {
            // A lesson link preselects a kind: put the keyboard on its Start button.
            if (chosen && el && !focused) {
              focused = true;
              el.focus();
            }
          }}
          onClick={() =>
            startDrill({
              ...(adaptive ? { kind: id, adaptive: true, count } : { kind: id, level: Number(level), count }),
              ...(song ? { song, title: `${meta.title} on “${song.name}”` } : {}),
            })
          }
        >
          Start
        </button>
        <span class="kind-count" id={`count-${id}`}>
          {count} questions
        </span>
      </div>
      {kept && (
        <div class="kind-start">
          <ContinueButton kept={kept} short />
          <span class="kind-count">
            {kept.adaptive ? 'Adaptive' : `Level ${kept.level}`}, where you left it
          </span>
        </div>
      )}
      {(song || problem) && (
        <p class={`kind-music${song ? '' : ' muted'}`}>
          {song ? `Plays your song “${song.name}”.` : `Plays Headroom’s songs. ${problem}`}
        </p>
      )}
      <p class="kind-level-text muted">
        {spec
          ? ((song && levelTextOnImported(id, Number(level))?.description) ?? spec.description)
          : `Finds the smallest ${meta.mainVariable?.name} you can hear: it gets harder while you are right and easier when you miss, and starts from your last result.`}
      </p>
    </li>
  );
}

/** Every exercise kind, grouped by skill, each with a level picker (or Adaptive) and a Start button. */
export function KindPicker({ preselect }: { preselect: Preselect }) {
  const profile = activeProfileId.value;
  useEffect(() => void refreshUnfinishedDrills(), [profile]);
  return (
    <div class="kind-picker">
      <MusicChoice />
      {SKILLS.map((skill) => {
        const kinds = exerciseIds.filter((id) => exercises[id].meta.skill === skill.id);
        if (kinds.length === 0) return null;
        return (
          <section key={skill.id} class="skill-group" aria-labelledby={`skill-${skill.id}`}>
            <h2 id={`skill-${skill.id}`}>{skill.title}</h2>
            <p class="muted">{skill.text}</p>
            <ul class="card-grid">
              {kinds.map((id) => (
                <KindCard key={id} id={id} preselect={preselect} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
