import { dismissNotice, notices } from '../../state/shared/notices';

/** The notice area: updates, offline readiness and errors, announced politely to screen readers. */
export function Notices() {
  return (
    <section class="notices" aria-live="polite" aria-label="Notices">
      {notices.value.map((n) => (
        <div key={n.id} class={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          {n.action && (
            <button type="button" class="btn btn-primary" onClick={n.action.run}>
              {n.action.label}
            </button>
          )}
          <button
            type="button"
            class="btn btn-ghost"
            aria-label="Dismiss"
            onClick={() => dismissNotice(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
