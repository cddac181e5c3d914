import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { stopLessonAudio } from '../../state/lessons/lesson-audio';
import { watchLessonStates } from '../../state/shared/lessons';
import { currentParams } from '../../state/shared/router';
import { LessonMap } from '../lessons/lesson-map';
import { LearnNextUp } from '../path/LearnNextUp';
import '../lessons/lessons.css';

function Overview() {
  return (
    <section class="stack">
      <header class="page-head">
        <h1>Learn</h1>
        <p class="lede">
          Producing makes the parts of a song. Mixing balances them. Headroom teaches the difference, then
          trains your ears on every move a mix is made of.
        </p>
      </header>
      <LearnNextUp />
      <div class="split">
        <article class="panel track-production">
          <h2>Production</h2>
          <p class="muted">Making the music</p>
          <ul>
            <li>Writing the song: chords, melody, lyrics</li>
            <li>Arranging: which parts play, and when</li>
            <li>Choosing sounds and instruments</li>
            <li>Recording, or programming in a DAW with MIDI</li>
          </ul>
        </article>
        <article class="panel track-mixing">
          <h2>Mixing</h2>
          <p class="muted">Balancing the parts, after production and before mastering</p>
          <ul>
            <li>Faders: how loud each part is</li>
            <li>Panning: where each part sits, left to right</li>
            <li>EQ: which frequencies of a part come through</li>
            <li>Compression: how even a part's level is</li>
            <li>Reverb and delay: the space around a part</li>
          </ul>
        </article>
      </div>
      <ol class="flow" aria-label="Where mixing sits">
        <li>Song idea</li>
        <li>Production</li>
        <li class="flow-here">Mixing</li>
        <li>Mastering</li>
        <li>Release</li>
      </ol>
      <LessonMap />
    </section>
  );
}

type PlayerProps = { id: string };
let Player: ComponentType<PlayerProps> | null = null;

/** The lesson player and its interactive blocks load only when a lesson opens: the map stays light. */
function LazyLessonPlayer({ id }: PlayerProps) {
  const [, setReady] = useState(Player !== null);
  useEffect(() => {
    if (Player) return;
    let live = true;
    void import('../lessons/lesson-player').then((m) => {
      Player = m.LessonPlayer;
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return Player ? <Player id={id} /> : <p class="loading">Loading…</p>;
}

/** Learn: the production-vs-mixing overview and the lesson map, or one lesson at /learn/<id>. */
export default function LearnPage() {
  useEffect(() => watchLessonStates(), []);
  const id = currentParams.value[0];
  // Leaving a lesson (for the map or another page) stops its sound.
  useEffect(() => stopLessonAudio, [id]);
  return id ? <LazyLessonPlayer id={decodeURIComponent(id)} /> : <Overview />;
}
