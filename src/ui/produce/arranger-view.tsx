/** The arranger: style, seed, sections × tracks, drum steps, progression, sounds and tempo. */
export default function ArrangerView() {
  return <p class="panel">The arranger is being built.</p>;
}
