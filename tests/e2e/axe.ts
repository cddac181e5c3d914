import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/** One axe-core violation, reduced to what a report needs. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending nodes (the first few). */
  targets: string[];
  /** axe's explanation for the first node. */
  summary: string;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Makes axe-core available on every document the context opens (the context should bypass CSP). */
export async function installAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeSource });
}

/** Runs axe-core on the whole page (or inside `include`) and returns every violation found. */
export async function runAxe(page: Page, include?: string): Promise<AxeFinding[]> {
  return page.evaluate(async (scope) => {
    type Result = {
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(scope ? { include: [scope] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
      summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
    }));
  }, include ?? null);
}

/** Only the violations that block people: serious and critical. */
export function blocking(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** One line per finding, for test failure messages and the run's log. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => `[${f.impact}] ${f.id}: ${f.help} → ${f.targets.join(' | ')} (${f.summary})`)
    .join('\n');
}

/** Sets the document's theme directly (what the theme setting does), for checking contrast in both. */
export async function setTheme(page: Page, theme: 'dark' | 'light'): Promise<void> {
  await page.evaluate(async (t) => {
    document.documentElement.dataset.theme = t;
    // Colour transitions would let axe read a colour halfway between the themes: let them finish.
    const moving = document.getAnimations().filter((a) => a instanceof CSSTransition);
    await Promise.all(moving.map((a) => a.finished.catch(() => undefined)));
  }, theme);
}
