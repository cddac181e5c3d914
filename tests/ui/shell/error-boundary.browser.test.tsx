import { signal } from '@preact/signals';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { version } from '../../../package.json';
import { notices, showNotice } from '../../../src/state/shared/notices';
import { currentPath } from '../../../src/state/shared/router';
import { crashDetails, ErrorBoundary } from '../../../src/ui/shell/error-boundary';
import { Notices } from '../../../src/ui/shell/notices';

let root: HTMLDivElement;
const startUrl = location.href;
/** Whether the guarded child throws on its next render. */
const broken = signal(true);
/** Counts clicks on a shell button, to show the shell still answers after a crash. */
const clicks = signal(0);
const route = signal('/mix');

beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
  broken.value = true;
  clicks.value = 0;
  route.value = '/mix';
  notices.value = [];
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
  history.replaceState(null, '', startUrl);
});

function Bomb() {
  if (broken.value) throw new TypeError('strip.settings is undefined');
  return <p class="page-ok">The mixer</p>;
}

function EffectBomb() {
  useEffect(() => {
    throw new RangeError('fader out of range');
  }, []);
  return <p>about to fail</p>;
}

/** The app's frame in small: a header that keeps working, the guarded page, and the notice area. */
function Shell({ page }: { page: preact.ComponentChildren }) {
  return (
    <div>
      <header>
        <button type="button" class="shell-btn" onClick={() => clicks.value++}>
          Clicked {clicks.value}
        </button>
      </header>
      <main>
        <ErrorBoundary area="page" resetKey={route.value}>
          {page}
        </ErrorBoundary>
      </main>
      <Notices />
    </div>
  );
}

const q = <T extends Element>(selector: string) => root.querySelector<T>(selector);
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;

describe('ErrorBoundary in the shell', () => {
  it('shows a short message in place of a crashed page; the header and notices keep working', async () => {
    await act(() => render(<Shell page={<Bomb />} />, root));
    expect(q('.page-ok')).toBeNull();
    const alert = q<HTMLElement>('[role="alert"].crash')!;
    expect(alert.querySelector('h1')?.textContent).toBe('This page stopped working');
    expect(document.activeElement).toBe(alert.querySelector('h1'));
    expect(button('Try again')).toBeTruthy();
    expect(button('Go to Learn')).toBeTruthy();
    expect(button('Copy details')).toBeTruthy();
    await act(() => button('Clicked 0').click());
    expect(q('.shell-btn')?.textContent).toBe('Clicked 1');
    await act(() => showNotice({ id: 't', tone: 'info', text: 'Still here', sticky: true }));
    expect(q('.notices')?.textContent).toContain('Still here');
  });

  it('Try again renders the page again once it no longer throws', async () => {
    await act(() => render(<Shell page={<Bomb />} />, root));
    await act(() => button('Try again').click());
    // Still broken: the message comes back rather than a blank page.
    expect(q('.crash')).not.toBeNull();
    broken.value = false;
    await act(() => button('Try again').click());
    expect(q('.page-ok')?.textContent).toBe('The mixer');
    expect(q('.crash')).toBeNull();
  });

  it('a new route tries the page again', async () => {
    await act(() => render(<Shell page={<Bomb />} />, root));
    broken.value = false;
    await act(() => {
      route.value = '/train';
    });
    expect(q('.page-ok')).not.toBeNull();
  });

  it('Go to Learn navigates to /learn', async () => {
    await act(() => render(<Shell page={<Bomb />} />, root));
    broken.value = false;
    await act(() => button('Go to Learn').click());
    expect(currentPath.value).toBe('/learn');
    expect(location.pathname).toBe('/learn');
    expect(q('.page-ok')).not.toBeNull();
  });

  it('catches a crash in an effect too', async () => {
    await act(() => render(<Shell page={<EffectBomb />} />, root));
    expect(q('.crash h1')?.textContent).toBe('This page stopped working');
  });

  it('Copy details puts error, stack, version and route on the clipboard', async () => {
    let copied = '';
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text: string) => {
      copied = text;
    });
    currentPath.value = '/mix';
    await act(() => render(<Shell page={<Bomb />} />, root));
    await act(async () => {
      button('Copy details').click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(copied).toContain(`Headroom ${version}`);
    expect(copied).toContain('Route: /mix');
    expect(copied).toContain('Error: TypeError: strip.settings is undefined');
    expect(copied).toMatch(/Stack:\n[\s\S]*at .*Bomb/);
    expect(q('.crash-copied')?.textContent).toBe('Details copied.');
    expect(q('.crash textarea')).toBeNull();
  });

  it('when the browser refuses the clipboard, the details appear selected in a text box', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('denied', 'NotAllowedError'),
    );
    await act(() => render(<Shell page={<Bomb />} />, root));
    await act(async () => {
      button('Copy details').click();
      await new Promise((r) => setTimeout(r, 0));
    });
    const box = q<HTMLTextAreaElement>('.crash textarea')!;
    expect(box.value).toContain('strip.settings is undefined');
    expect(box.readOnly).toBe(true);
    expect(document.activeElement).toBe(box);
    expect(box.selectionEnd - box.selectionStart).toBe(box.value.length);
  });

  it('a compact boundary keeps the crash inside its panel: the sibling panel still shows', async () => {
    await act(() =>
      render(
        <div>
          <ErrorBoundary area="EQ panel" compact>
            <Bomb />
          </ErrorBoundary>
          <ErrorBoundary area="compressor panel" compact>
            <p class="sibling">Compressor</p>
          </ErrorBoundary>
        </div>,
        root,
      ),
    );
    expect(q('.crash-compact h3')?.textContent).toBe('The EQ panel stopped working');
    expect(q('.sibling')?.textContent).toBe('Compressor');
    // A panel's crash does not steal focus from where the learner is working.
    expect(document.activeElement).toBe(document.body);
    expect(button('Go to Learn')).toBeUndefined();
  });
});

describe('crashDetails', () => {
  it('names a thrown non-error value as it is', () => {
    const text = crashDetails('plain string', 'page', '/progress', new Date(Date.UTC(2025, 0, 2, 3, 4, 5)));
    expect(text.split('\n').slice(0, 4)).toEqual([
      `Headroom ${version} — something stopped working`,
      'Route: /progress',
      'Area: page',
      'Time: 2025-01-02T03:04:05.000Z',
    ]);
    expect(text).toContain('Error: plain string');
    expect(text).not.toContain('Stack:');
  });
});
