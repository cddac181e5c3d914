import { useEffect, useRef, useState } from 'preact/hooks';
import { currentPath, currentSection, SECTIONS } from '../../state/shared/router';
import { ErrorBoundary } from './error-boundary';
import { LazyPage } from './lazy-page';
import { Notices } from './notices';

/** The app frame: skip link, header with navigation, the routed page, and the notice area. */
export function App() {
  const section = currentSection.value;
  const main = useRef<HTMLElement>(null);
  const path = currentPath.value;
  const first = useRef(true);
  // On a phone the sections fold into a menu, so the header is one row (see base.css).
  const [menuOpen, setMenuOpen] = useState(false);
  const sectionLabel = SECTIONS.find((s) => s.id === section)?.label ?? 'Menu';
  useEffect(() => {
    setMenuOpen(false);
  }, [path]);
  useEffect(() => {
    // Move focus to the new page for keyboard and screen-reader users (not on first load).
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);
  return (
    <div class="app">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class={`topbar${menuOpen ? ' is-menu-open' : ''}`}>
        <a class="brand" href="/learn" aria-label="Headroom home">
          <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
            <rect x="3" y="4" width="3" height="16" rx="1" />
            <rect x="10.5" y="9" width="3" height="11" rx="1" />
            <rect x="18" y="6" width="3" height="14" rx="1" />
          </svg>
          <span>Headroom</span>
        </a>
        <button
          type="button"
          class="btn menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          aria-label={`${sectionLabel} – sections menu`}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {sectionLabel}
          <span aria-hidden="true">{menuOpen ? '▴' : '▾'}</span>
        </button>
        <nav aria-label="Main" id="main-nav">
          <ul class="nav-list">
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={s.path} class="nav-link" aria-current={section === s.id ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1} class="page">
        {/* A crash in a page stays in the page: the header and notices keep working; a new route retries. */}
        <ErrorBoundary area="page" resetKey={path}>
          <LazyPage section={section} />
        </ErrorBoundary>
      </main>
      <Notices />
    </div>
  );
}
