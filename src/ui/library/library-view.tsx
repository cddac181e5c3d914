/** The song library: built-in and imported songs, with play, rename and delete. */
export default function LibraryView() {
  return <p class="panel">The library is being built.</p>;
}
