/**
 * Settings → School record store: a teacher points Headroom at the school's LRS (address, key, secret),
 * each profile says who it is there, and the panel shows what waits to be sent, the last sync and any
 * problem in plain words. With nothing set up, Headroom sends nothing anywhere.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LearnerIdentity } from '../../classroom/xapi/identity';
import { lrsOrigin } from '../../classroom/xapi/lrs-config';
import {
  identityOf,
  loadLrsView,
  lrsView,
  removeLrsSetup,
  saveLrsSetup,
  saveProfileIdentity,
  syncNow,
} from '../../state/classroom/xapi-sync';
import { showNotice } from '../../state/shared/notices';
import { activeProfileId, profiles } from '../../state/shared/storage';
import { dateTimeWords } from './format';
import './lrs.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Who the active profile is in the record store: a name and an email, or an account the school gave. */
function IdentityForm() {
  const profileId = activeProfileId.value;
  const profileName = profiles.value.find((p) => p.id === profileId)?.name ?? 'This profile';
  const [mode, setMode] = useState<'email' | 'account'>('email');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [homePage, setHomePage] = useState('');
  const [account, setAccount] = useState('');
  const [saved, setSaved] = useState<LearnerIdentity | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void identityOf(profileId).then((id) => {
      setSaved(id);
      setName(id?.name ?? profileName);
      if (id && 'account' in id) {
        setMode('account');
        setHomePage(id.account.homePage);
        setAccount(id.account.name);
      } else setEmail(id && 'email' in id ? id.email : '');
    });
  }, [profileId, profileName]);
  const submit = async () => {
    const identity: LearnerIdentity =
      mode === 'email' ? { name, email } : { name, account: { homePage, name: account } };
    const p = await saveProfileIdentity(profileId, identity);
    setProblem(p);
    if (!p) {
      setSaved(identity);
      showNotice({
        id: 'lrs-identity',
        tone: 'success',
        text: `Saved who “${profileName}” is in the record store.`,
      });
    }
  };
  return (
    <form
      class="lrs-form stack"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Who is “{profileName}” in the record store?</h3>
      <p class="muted">
        {saved
          ? `Sent as ${saved.name}, ${'email' in saved ? saved.email : `account ${saved.account.name} at ${saved.account.homePage}`}.`
          : 'Not set: this profile’s work is not sent until it is.'}
      </p>
      <div class="row" role="radiogroup" aria-label="Identify by">
        <label class="choice">
          <input type="radio" name="lrs-mode" checked={mode === 'email'} onChange={() => setMode('email')} />
          Email
        </label>
        <label class="choice">
          <input
            type="radio"
            name="lrs-mode"
            checked={mode === 'account'}
            onChange={() => setMode('account')}
          />
          School account
        </label>
      </div>
      <div class="lrs-fields">
        <label class="lrs-field">
          <span>Name</span>
          <input
            class="lrs-input"
            value={name}
            maxLength={200}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        {mode === 'email' ? (
          <label class="lrs-field">
            <span>Email</span>
            <input
              class="lrs-input"
              type="email"
              value={email}
              autocomplete="email"
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </label>
        ) : (
          <>
            <label class="lrs-field">
              <span>Account id</span>
              <input class="lrs-input" value={account} onInput={(e) => setAccount(e.currentTarget.value)} />
            </label>
            <label class="lrs-field">
              <span>School website</span>
              <input
                class="lrs-input"
                type="url"
                placeholder="https://school.example"
                value={homePage}
                onInput={(e) => setHomePage(e.currentTarget.value)}
              />
            </label>
          </>
        )}
      </div>
      <div class="row">
        <button type="submit" class="btn">
          Save identity
        </button>
      </div>
      {problem && (
        <p class="lrs-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** The record store setup (teachers) and the sending status. */
export function LrsPanel() {
  const view = lrsView.value;
  const [endpoint, setEndpoint] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadLrsView();
  }, []);

  const save = async () => {
    setBusy(true);
    try {
      const p = await saveLrsSetup({ endpoint, username, password });
      setProblem(p);
      if (!p) {
        setPassword('');
        showNotice({ id: 'lrs-saved', tone: 'success', text: 'Record store saved on this device.' });
      }
    } finally {
      setBusy(false);
    }
  };

  const config = view.config;
  return (
    <section class="panel lrs" aria-labelledby="lrs-h" id="record-store">
      <h2 id="lrs-h">School record store</h2>
      {!config ? (
        <>
          <p>
            <strong>Off.</strong> Nothing is sent anywhere. A school that keeps learning records in a learning
            record store (an “LRS”, using xAPI) can have every answer, drill, lesson and quiz sent there: type
            the address, key and secret the school gave you. They are kept on this device only.
          </p>
          <form
            class="lrs-form stack"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <div class="lrs-fields">
              <label class="lrs-field lrs-wide">
                <span>Address (xAPI endpoint)</span>
                <input
                  class="lrs-input"
                  type="url"
                  placeholder="https://lrs.school.example/xapi/"
                  value={endpoint}
                  onInput={(e) => setEndpoint(e.currentTarget.value)}
                />
              </label>
              <label class="lrs-field">
                <span>Key</span>
                <input
                  class="lrs-input"
                  autocomplete="off"
                  value={username}
                  onInput={(e) => setUsername(e.currentTarget.value)}
                />
              </label>
              <label class="lrs-field">
                <span>Secret</span>
                <input
                  class="lrs-input"
                  type="password"
                  autocomplete="off"
                  value={password}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                />
              </label>
            </div>
            <div class="row">
              <button type="submit" class="btn btn-primary" disabled={busy}>
                Save and start sending
              </button>
            </div>
            {problem && (
              <p class="lrs-error" role="alert">
                {problem}
              </p>
            )}
          </form>
        </>
      ) : (
        <div class="stack">
          <p>
            <strong>On.</strong> Answers, drills, lessons and quizzes are sent to{' '}
            <span class="lrs-origin">{lrsOrigin(config)}</span> as key “{config.username}”. Work done offline
            waits on this device and goes when the connection is back.
          </p>
          <dl class="lrs-status" aria-live="polite">
            <dt>Waiting to be sent</dt>
            <dd data-testid="lrs-waiting">
              {view.waiting === 0
                ? 'Nothing: everything is sent.'
                : plural(view.waiting, 'record', 'records')}
              {view.setAside > 0 &&
                ` (${plural(view.setAside, 'was', 'were')} refused by the record store and will not be retried)`}
            </dd>
            <dt>Last sent</dt>
            <dd data-testid="lrs-last">
              {view.status.lastSyncAt ? dateTimeWords(view.status.lastSyncAt) : 'Not yet'}
              {view.status.sent > 0 && ` — ${plural(view.status.sent, 'record', 'records')} sent in all`}
            </dd>
            <dt>Problems</dt>
            <dd data-testid="lrs-error" class={view.status.lastError ? 'lrs-error' : undefined}>
              {view.status.lastError ??
                (!navigator.onLine
                  ? 'Offline: records wait until the connection is back.'
                  : !view.reachable
                    ? 'Not connected yet: reload Headroom once (below).'
                    : 'None.')}
            </dd>
          </dl>
          {view.missingIdentity.length > 0 && (
            <p class="lrs-warning" role="status">
              Not sent: work by {view.missingIdentity.map((n) => `“${n}”`).join(', ')}, who has no email or
              account set below. Work done before it is set is not sent later.
            </p>
          )}
          <div class="row">
            {!view.reachable ? (
              <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
                Reload to connect
              </button>
            ) : (
              <button type="button" class="btn" disabled={view.sending} onClick={() => void syncNow()}>
                {view.sending ? 'Sending…' : 'Send now'}
              </button>
            )}
            <button
              type="button"
              class="btn btn-danger"
              onClick={() => {
                void removeLrsSetup().then(() =>
                  showNotice({
                    id: 'lrs-removed',
                    tone: 'success',
                    text: 'Record store removed: nothing more is sent. Records still waiting were dropped.',
                  }),
                );
              }}
            >
              Stop sending
            </button>
          </div>
          {!view.reachable && (
            <p class="muted">Headroom lets this page reach the record store after one reload.</p>
          )}
          <IdentityForm />
        </div>
      )}
    </section>
  );
}
