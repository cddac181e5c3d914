const SKILLS = [
  {
    id: 'faders',
    title: 'Faders',
    text: 'Hear which part got louder or softer, and balance a mix against a reference.',
  },
  { id: 'pan', title: 'Panning', text: 'Place an instrument between hard left and hard right.' },
  { id: 'eq', title: 'EQ', text: 'Spot the boosted band; match a boost or cut by ear.' },
  {
    id: 'compression',
    title: 'Compression',
    text: 'Hear gain reduction, attack and release; match a compressor.',
  },
  { id: 'space', title: 'Reverb and delay', text: 'Tell decay times and delay note values apart.' },
  {
    id: 'prod-or-mix',
    title: 'Production or mixing?',
    text: 'Two versions differ by one change: which kind?',
  },
];

/** Train: the drills by skill. */
export default function TrainPage() {
  return (
    <section class="stack">
      <header class="page-head">
        <h1>Train</h1>
        <p class="lede">
          Short, scored drills. Every question is generated from a seed, so a teacher can give a whole class
          the same one.
        </p>
      </header>
      <ul class="card-grid">
        {SKILLS.map((s) => (
          <li key={s.id} class="panel">
            <h2>{s.title}</h2>
            <p>{s.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
