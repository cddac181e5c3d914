import { useEffect, useState } from 'preact/hooks';
import { formatHz } from '../../dsp/bands';
import { largestSpectrumDifference, type MixReading } from '../../dsp/mix-reading';
import type { DrillPlayer } from '../../state/drill/drill-player';
import { ReadingSuperseded, type ReviewReadings, readReview } from '../../state/drill/mix-review';

type Reading =
  | { status: 'measuring' }
  | { status: 'done'; readings: ReviewReadings; solo: string | null }
  | { status: 'failed'; message: string };

const W = 320;
const H = 132;
const PAD_L = 30;
const PAD_B = 18;
/** dB shown below the loudest band. */
const RANGE_DB = 48;
const LABEL_HZ = [63, 250, 1000, 4000];

const lufs = (r: MixReading | null) =>
  r === null ? 'silent' : Number.isFinite(r.lufs) ? `${r.lufs.toFixed(1)} LUFS` : 'silent';
const width = (r: MixReading | null) =>
  r === null || !Number.isFinite(r.widthPercent) ? '—' : `${Math.round(r.widthPercent)} %`;
const corr = (r: MixReading | null) => (r === null ? '—' : r.correlation.toFixed(2));

/** Both third-octave spectra on one small chart, the reference solid and yours dashed. */
function SpectrumChart({ a, b }: { a: MixReading | null; b: MixReading | null }) {
  const centres = (a ?? b)?.centresHz ?? [];
  const finite = [...(a?.bandsDb ?? []), ...(b?.bandsDb ?? [])].filter(Number.isFinite);
  if (centres.length < 2 || finite.length === 0) return null;
  const top = Math.ceil(Math.max(...finite) / 6) * 6;
  const x = (i: number) => PAD_L + (i / (centres.length - 1)) * (W - PAD_L - 4);
  const y = (db: number) => 4 + (Math.min(RANGE_DB, Math.max(0, top - db)) / RANGE_DB) * (H - PAD_B - 4);
  const path = (r: MixReading | null) =>
    r
      ? r.bandsDb.map((db, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(db).toFixed(1)}`).join(' ')
      : '';
  return (
    <svg
      class="review-svg mix-spectrum"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label="Spectrum of both mixes in third-octave bands, low pitches left, high right"
    >
      <g class="eq-grid">
        {[0, 24, 48].map((d) => (
          <g key={d}>
            <line x1={PAD_L} x2={W} y1={y(top - d)} y2={y(top - d)} />
            <text x={2} y={y(top - d) + 4}>
              {d === 0 ? '0 dB' : `−${d}`}
            </text>
          </g>
        ))}
        {LABEL_HZ.map((hz) => {
          const i = centres.indexOf(hz);
          return i < 0 ? null : (
            <text key={hz} x={x(i) - 10} y={H - 4}>
              {formatHz(hz).replace(' ', '')}
            </text>
          );
        })}
      </g>
      <path class="review-right" d={path(a)} />
      <path class="review-yours" d={path(b)} />
    </svg>
  );
}

/**
 * Loudness, spectrum and stereo width of the reference and of yours (or of the soloed track in each),
 * measured off the main thread on the mixes as answered.
 */
export function MixReviewReadings({ player, referenceName }: { player: DrillPlayer; referenceName: string }) {
  const review = player.reviewPair.value;
  const solo = player.state.value?.solo ?? null;
  const [reading, setReading] = useState<Reading>({ status: 'measuring' });
  useEffect(() => {
    if (!review) return;
    let current = true;
    setReading({ status: 'measuring' });
    readReview(review.pair, review.sampleRate, solo).then(
      (readings) => current && setReading({ status: 'done', readings, solo }),
      (e: unknown) => {
        // A newer request (another solo) replaced this one: its own reading follows.
        if (e instanceof ReadingSuperseded) return;
        if (current) setReading({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      current = false;
    };
  }, [review, solo]);
  const what = solo === null ? 'the whole mixes' : `${solo} alone`;
  if (!review) return null;
  if (reading.status === 'failed')
    return <p class="muted mix-readings">The mixes could not be measured ({reading.message}).</p>;
  if (reading.status === 'measuring')
    return (
      <p class="muted mix-readings" role="status">
        Measuring {what}…
      </p>
    );
  const { a, b, elapsedMs } = reading.readings;
  const diff = a && b ? largestSpectrumDifference(a, b) : null;
  return (
    <section class="mix-readings" aria-label="Measured: reference and yours">
      <h4 class="mix-readings-title">
        Measured: {reading.solo === null ? 'whole mixes' : `${reading.solo} alone`}
      </h4>
      <div class="mix-readings-grid">
        <table class="mix-readings-table">
          <thead>
            <tr>
              <th scope="col">
                <span class="vh">Measure</span>
              </th>
              <th scope="col">A: {referenceName}</th>
              <th scope="col">B: yours</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Loudness</th>
              <td>{lufs(a)}</td>
              <td>{lufs(b)}</td>
            </tr>
            <tr>
              <th scope="row" title="0 % is mono; 100 % two unrelated sides">
                Stereo width
              </th>
              <td>{width(a)}</td>
              <td>{width(b)}</td>
            </tr>
            <tr>
              <th scope="row" title="1 = both speakers play the same; 0 = unrelated; below 0 = out of phase">
                Left–right alike
              </th>
              <td>{corr(a)}</td>
              <td>{corr(b)}</td>
            </tr>
          </tbody>
        </table>
        <figure class="mix-spectrum-figure">
          <SpectrumChart a={a} b={b} />
          <p class="review-legend">
            <span class="swatch" /> {referenceName}{' '}
            <span class="swatch swatch-dash" style={{ borderColor: 'var(--accent)' }} /> yours · low pitches
            left, high right
          </p>
        </figure>
      </div>
      <p class="muted mix-readings-note">
        {diff && Math.abs(diff.differenceDb) >= 1
          ? `At equal loudness, yours has ${Math.abs(diff.differenceDb).toFixed(1)} dB ${diff.differenceDb > 0 ? 'more' : 'less'} around ${formatHz(diff.centreHz)} than the ${referenceName}. `
          : a && b
            ? 'At equal loudness the two spectra are within 1 dB everywhere. '
            : ''}
        Measured in {(elapsedMs / 1000).toFixed(1)} s.
      </p>
    </section>
  );
}
