import { computed, signal } from '@preact/signals';

/** The top-level sections of the app, in navigation order. */
export const SECTIONS = [
  { id: 'learn', label: 'Learn', path: '/learn' },
  { id: 'produce', label: 'Produce', path: '/produce' },
  { id: 'mix', label: 'Mix', path: '/mix' },
  { id: 'train', label: 'Train', path: '/train' },
  { id: 'progress', label: 'Progress', path: '/progress' },
  { id: 'classroom', label: 'Classroom', path: '/classroom' },
  { id: 'settings', label: 'Settings', path: '/settings' },
] as const;

/** A section id. */
export type SectionId = (typeof SECTIONS)[number]['id'];

/** The current location path (without origin), kept in step with the browser's history. */
export const currentPath = signal<string>(typeof location === 'undefined' ? '/' : location.pathname);

/** The section the current path belongs to, or null for an unknown path. "/" is Learn. */
export const currentSection = computed<SectionId | null>(() => sectionOf(currentPath.value));

/** The path segments after the section, e.g. ['eq-basics'] for /learn/eq-basics. */
export const currentParams = computed<string[]>(() => currentPath.value.split('/').filter(Boolean).slice(1));

/** Finds the section a path belongs to. */
export function sectionOf(path: string): SectionId | null {
  const first = path.split('/').filter(Boolean)[0];
  if (first === undefined) return 'learn';
  return SECTIONS.find((s) => s.id === first)?.id ?? null;
}

/** Goes to a path inside the app, adding a history entry (the back button returns). */
export function navigate(path: string, { replace = false } = {}): void {
  if (path === currentPath.value) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  currentPath.value = location.pathname;
}

/** Follows back/forward buttons and turns same-origin link clicks into in-app navigation. */
export function startRouter(): () => void {
  const onPop = () => {
    currentPath.value = location.pathname;
  };
  const onClick = (event: MouseEvent) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
    if (link.pathname === location.pathname && link.hash) return;
    event.preventDefault();
    navigate(link.pathname + link.search + link.hash);
  };
  addEventListener('popstate', onPop);
  document.addEventListener('click', onClick);
  return () => {
    removeEventListener('popstate', onPop);
    document.removeEventListener('click', onClick);
  };
}
