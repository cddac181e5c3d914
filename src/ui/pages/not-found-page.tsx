/** Shown for a path that names no section. */
export function NotFoundPage() {
  return (
    <section class="stack">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <a href="/learn">Go to Learn</a>.
      </p>
    </section>
  );
}
