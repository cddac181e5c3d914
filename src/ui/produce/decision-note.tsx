import type { ComponentChildren } from 'preact';

/** A short side note that names the kind of decision a control makes (production or mixing). */
export function DecisionNote({
  kind = 'production',
  children,
}: {
  kind?: 'production' | 'mixing';
  children: ComponentChildren;
}) {
  return (
    <p class={`decision-note is-${kind}`}>
      <span class="decision-tag">{kind === 'production' ? 'Production decision' : 'Mixing decision'}</span>{' '}
      {children}
    </p>
  );
}
