import { effect } from '@preact/signals';
import { settings } from '../shared/storage';

/** Keeps the document's theme attribute and theme-color in step with the theme setting. */
export function applyTheme(): () => void {
  const media = matchMedia('(prefers-color-scheme: light)');
  const apply = () => {
    const choice = settings.value.theme;
    const theme = choice === 'system' ? (media.matches ? 'light' : 'dark') : choice;
    document.documentElement.dataset.theme = theme;
    document
      .querySelector('meta[name="theme-color"]')
      ?.setAttribute('content', theme === 'light' ? '#eef0f3' : '#14161a');
  };
  media.addEventListener('change', apply);
  const stop = effect(apply);
  return () => {
    stop();
    media.removeEventListener('change', apply);
  };
}
