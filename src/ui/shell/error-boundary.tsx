import { Component, type ComponentChildren } from 'preact';
import { version as APP_VERSION } from '../../../package.json';
import { currentPath, navigate } from '../../state/shared/router';
import { CrashPanel } from './crash-panel';

/** Props of an error boundary. */
export interface ErrorBoundaryProps {
  /** What the boundary guards, in words ("page", "Arranger", "EQ panel"): shown and copied. */
  area: string;
  /** When this changes (e.g. the route), a crashed boundary tries its children again. */
  resetKey?: string;
  /** A small inline message (a block or panel) instead of a page-sized one. */
  compact?: boolean;
  children: ComponentChildren;
}

interface State {
  crashed: boolean;
  error: unknown;
}

/** The text "Copy details" puts on the clipboard: what broke, where, in which version and browser. */
export function crashDetails(error: unknown, area: string, route: string, at: Date = new Date()): string {
  const e = error instanceof Error ? error : null;
  const lines = [
    `Headroom ${APP_VERSION} — something stopped working`,
    `Route: ${route}`,
    `Area: ${area}`,
    `Time: ${at.toISOString()}`,
    `Browser: ${typeof navigator === 'undefined' ? 'unknown' : navigator.userAgent}`,
    `Error: ${e ? `${e.name}: ${e.message}` : String(error)}`,
  ];
  if (e?.stack) lines.push('Stack:', e.stack);
  return lines.join('\n');
}

/**
 * Catches a crash while rendering its children (or in their effects) and shows a short message with
 * "Copy details" and a way back instead of a blank app. The rest of the app keeps working.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { crashed: false, error: null };

  static override getDerivedStateFromError(error: unknown): Partial<State> {
    return { crashed: true, error };
  }

  override componentDidCatch(error: unknown): void {
    // Kept in the console too, for whoever reads the details with developer tools open.
    console.error(`Headroom: ${this.props.area} crashed`, error);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.crashed && previous.resetKey !== this.props.resetKey) this.retry();
  }

  retry = (): void => {
    this.setState({ crashed: false, error: null });
  };

  goToLearn = (): void => {
    navigate('/learn');
    this.retry();
  };

  override render() {
    if (!this.state.crashed) return this.props.children;
    return (
      <CrashPanel
        area={this.props.area}
        compact={this.props.compact ?? false}
        details={crashDetails(this.state.error, this.props.area, currentPath.peek())}
        onRetry={this.retry}
        onLeave={this.goToLearn}
      />
    );
  }
}
