/** Sharing one assignment: the link (code in the fragment, never sent to a server), its file, and the code. */
import { useRef } from 'preact/hooks';
import type { Assignment } from '../../state/classroom/classroom';
import { shareAssignment } from '../../state/classroom/classroom-teacher';
import { Cmi5PackageButton, GoogleClassroomShare } from './lms-export';
import { copyText, downloadText } from './transfer';

/** Copy-link and download buttons with the link visible. */
export function SharePanel({ assignment }: { assignment: Assignment }) {
  const share = shareAssignment(assignment);
  const field = useRef<HTMLInputElement>(null);
  return (
    <div class="stack cr-share">
      <label class="cr-field">
        <span>Link for students ({share.link.length} characters)</span>
        <input
          ref={field}
          class="cr-input cr-code"
          readOnly
          value={share.link}
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <div class="row">
        <button
          type="button"
          class="btn btn-primary"
          onClick={() => void copyText(share.link, field.current)}
        >
          Copy link
        </button>
        <button type="button" class="btn" onClick={() => downloadText(share.fileName, share.fileText)}>
          Download .headroom.json
        </button>
      </div>
      <p class="muted">
        The assignment travels inside the link after “#”: browsers never send that part to any server, and it
        opens offline once Headroom is installed.
      </p>
      <GoogleClassroomShare assignment={assignment} />
      <Cmi5PackageButton assignment={assignment} />
    </div>
  );
}
