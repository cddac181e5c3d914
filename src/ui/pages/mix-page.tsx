/** Mix: the mixer. */
export default function MixPage() {
  return (
    <section class="stack">
      <header class="page-head">
        <h1>Mix</h1>
        <p class="lede">A channel strip per part: fader, pan, EQ, compressor and sends, into a master bus.</p>
      </header>
    </section>
  );
}
