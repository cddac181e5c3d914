/** Our source files' run-time import graph (value and dynamic imports; type-only imports left out), for the layer tests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** A file and the files it loads at run time. */
export type ImportGraph = Map<string, Set<string>>;

/** Every .ts/.tsx file under `root`, as slash paths relative to the working directory. */
export function sourceFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const path = join(root, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The code without comments (so a comment naming `import('./x')` is no edge). Strings are kept. */
export function stripComments(code: string): string {
  return code.replace(
    /\/\*[\s\S]*?\*\/|(^|[^:'"`\\])\/\/[^\n]*/g,
    (_all, lead: string | undefined) => lead ?? '',
  );
}

/** True when a static import or export statement brings in values (not only types). */
function loadsValues(kind: string, typeWord: string | undefined, clause: string): boolean {
  if (typeWord) return false;
  if (kind === 'export' && clause.trim() === '*') return true;
  const braces = clause.trim().match(/^\{([\s\S]*)\}$/);
  if (!braces) return true;
  const names = braces[1]!
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length === 0 || names.some((n) => !n.startsWith('type '));
}

/** The relative specifiers a file loads at run time: value imports, re-exports, side-effect and dynamic imports, `new URL(…)` workers. */
export function runtimeSpecifiers(code: string, withTypes = false): string[] {
  const text = stripComments(code);
  const found: string[] = [];
  for (const m of text.matchAll(
    /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;'"]*?)\s+from\s*['"](\.[^'"]+)['"]/g,
  ))
    if (withTypes || loadsValues(m[1]!, m[2], m[3]!)) found.push(m[4]!);
  for (const m of text.matchAll(/(?:^|[;\n])\s*import\s*['"](\.[^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/(?<!typeof\s)import\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  for (const m of text.matchAll(/new\s+URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g))
    found.push(m[1]!);
  return found;
}

/** The file a relative specifier names, or null when none exists. */
function resolveSpecifier(from: string, specifier: string): string | null {
  const base = normalize(join(dirname(from), specifier.replace(/\?.*$/, '')));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** The run-time import graph of every source file under `root` (with `withTypes`, type-only imports too). */
export function importGraph(root: string, withTypes = false): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(root)) {
    const edges = new Set<string>();
    for (const spec of runtimeSpecifiers(readFileSync(file, 'utf8'), withTypes)) {
      const target = resolveSpecifier(file, spec);
      if (target) edges.add(target);
    }
    graph.set(file, edges);
  }
  return graph;
}

/** Every import circle in the graph (strongly connected groups of two or more files, or a file importing itself). */
export function importCircles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || graph.get(v)?.has(v)) circles.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
}
