/**
 * Dev-server only. standardized-audio-context wraps a worklet module's body in a function and can only
 * keep `import` statements that lead the file. Vite's dev server (and Vitest's browser mode, which
 * prepends a statement) serves worklet entries unbundled, with imports that may not lead. This fetches
 * the served module, hoists its imports (made absolute) to the top, and returns a blob: URL of the result.
 * `vite build` bundles each worklet into one import-free file, so production never takes this path.
 */

const IMPORT_LINE = /^import\b[^\n]*?["']([^"'\n]+)["'][ \t]*;?[ \t]*$/gm;

/** Returns a URL of the worklet module at `url` with every import hoisted and absolute. */
export async function hoistWorkletImports(url: string): Promise<string> {
  const base = new URL(url, globalThis.location.href);
  const source = await (await fetch(base)).text();
  const imports: string[] = [];
  const body = source.replace(IMPORT_LINE, (line: string, specifier: string) => {
    imports.push(`${line.replace(specifier, new URL(specifier, base).href).replace(/;?[ \t]*$/, '')};`);
    return '';
  });
  const blob = new Blob([`${imports.join('\n')}\n${body}`], { type: 'text/javascript' });
  return URL.createObjectURL(blob);
}
