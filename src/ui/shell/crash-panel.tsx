import { useEffect, useId, useRef, useState } from 'preact/hooks';

/** Props of the message shown in place of a view that crashed. */
export interface CrashPanelProps {
  /** What crashed, in words ("page", "EQ panel"). */
  area: string;
  /** A small inline message (inside a page) instead of a page-sized one. */
  compact: boolean;
  /** The text "Copy details" copies. */
  details: string;
  onRetry: () => void;
  /** Goes to the Learn page. */
  onLeave: () => void;
}

type CopyState = 'idle' | 'copied' | 'manual';

/**
 * "This part stopped working": a short message, Try again, Go to Learn, and Copy details (to the
 * clipboard; where the browser refuses, the details appear in a text box to copy by hand).
 */
export function CrashPanel({ area, compact, details, onRetry, onLeave }: CrashPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const titleId = useId();
  useEffect(() => {
    // A whole page crashed: put keyboard and screen-reader users on the message.
    if (!compact) heading.current?.focus();
  }, [compact]);
  useEffect(() => {
    if (copy === 'manual') box.current?.select();
  }, [copy]);
  const copyDetails = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(details);
      setCopy('copied');
    } catch {
      setCopy('manual');
    }
  };
  const Heading = compact ? 'h3' : 'h1';
  const title = compact ? `The ${area} stopped working` : 'This page stopped working';
  return (
    <section class={`panel crash${compact ? ' crash-compact' : ''}`} role="alert" aria-labelledby={titleId}>
      <Heading id={titleId} ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <p>
        Something went wrong while showing it. Your saved practice is safe: nothing was deleted. Try again, or
        go back to Learn; if it keeps happening, copy the details and send them to whoever looks after
        Headroom for you.
      </p>
      <div class="row">
        <button type="button" class="btn btn-primary" onClick={onRetry}>
          Try again
        </button>
        {!compact && (
          <button type="button" class="btn" onClick={onLeave}>
            Go to Learn
          </button>
        )}
        <button type="button" class="btn" onClick={() => void copyDetails()}>
          Copy details
        </button>
        <span class="crash-copied" aria-live="polite">
          {copy === 'copied' ? 'Details copied.' : ''}
        </span>
      </div>
      {copy === 'manual' && (
        <label class="crash-details">
          <span>The browser did not allow copying: select the text below and copy it.</span>
          <textarea ref={box} readOnly rows={8} value={details} />
        </label>
      )}
    </section>
  );
}
