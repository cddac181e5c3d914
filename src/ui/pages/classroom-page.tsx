import { activeProfileId, profiles } from '../../state/storage';

/** Classroom: who is practising on this device, and (later) assignments and reports. */
export default function ClassroomPage() {
  return (
    <section class="stack">
      <header class="page-head">
        <h1>Classroom</h1>
        <p class="lede">
          Teachers assign drills by link or file; students work offline and hand in a report. No accounts, no
          server.
        </p>
      </header>
      <section class="panel">
        <h2>Profiles on this device</h2>
        <ul class="plain-list">
          {profiles.value.map((p) => (
            <li key={p.id}>
              {p.name} {p.id === activeProfileId.value && <span class="badge">active</span>}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
