/**
 * Whether a school record store (LRS) is set up on this device: the one fact both the thin hooks
 * (xapi-hooks.ts) and the sender (xapi-sync.ts) change, kept apart so neither imports the other back.
 */

let configured: boolean | null = null;

/** True or false once start-up has looked (or Settings changed it); null before. */
export function xapiConfigured(): boolean | null {
  return configured;
}

/** Settings saved or removed a record store, or start-up found out which. */
export function setXapiConfigured(on: boolean): void {
  configured = on;
}
