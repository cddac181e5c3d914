import type { ComponentChildren } from 'preact';

/** An arrow-head marker; `id` must be unique on the page (a marker inside a hidden SVG does not render). */
export function ArrowMarker({ id }: { id: string }) {
  return (
    <defs>
      <marker
        id={id}
        viewBox="0 0 10 10"
        refX="9"
        refY="5"
        markerWidth="7"
        markerHeight="7"
        orient="auto-start-reverse"
      >
        <path d="M0 0 L10 5 L0 10 z" class="dg-arrowhead" />
      </marker>
    </defs>
  );
}

/** A labelled box: a title and an optional second line. `tone` colours its outline. */
export function Box(props: {
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  sub?: string;
  tone?: 'accent' | 'production' | 'mixing' | 'muted';
}) {
  const { x, y, w, h, title, sub, tone } = props;
  const cx = x + w / 2;
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx="8" class={`dg-box${tone ? ` dg-${tone}` : ''}`} />
      <text x={cx} y={sub ? y + h / 2 - 4 : y + h / 2 + 5} class="dg-title" text-anchor="middle">
        {title}
      </text>
      {sub && (
        <text x={cx} y={y + h / 2 + 15} class="dg-sub" text-anchor="middle">
          {sub}
        </text>
      )}
    </g>
  );
}

/** A straight arrow from (x1, y1) to (x2, y2) using the marker `marker`. */
export function Arrow(props: {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  marker: string;
  dashed?: boolean;
}) {
  const { x1, y1, x2, y2, marker, dashed } = props;
  return (
    <line
      x1={x1}
      y1={y1}
      x2={x2}
      y2={y2}
      class={`dg-arrow${dashed ? ' dg-dashed' : ''}`}
      marker-end={`url(#${marker})`}
    />
  );
}

/** A figure with a caption, holding a wide and (optionally) a narrow drawing; CSS shows the one that fits. */
export function Figure(props: {
  caption: string;
  wide: ComponentChildren;
  narrow?: ComponentChildren;
  scroll?: boolean;
}) {
  return (
    <figure class={`diagram${props.narrow ? ' has-narrow' : ''}${props.scroll ? ' is-scroll' : ''}`}>
      <div class="diagram-wide">{props.wide}</div>
      {props.narrow && <div class="diagram-narrow">{props.narrow}</div>}
      {props.caption && <figcaption dangerouslySetInnerHTML={{ __html: props.caption }} />}
    </figure>
  );
}
