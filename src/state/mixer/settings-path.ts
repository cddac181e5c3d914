/** A path into a settings object: keys and array indices, e.g. ['eq', 2, 'gainDb']. */
export type SettingsPath = readonly (string | number)[];

/** Reads the value at `path` (undefined when the path does not exist). */
export function getAt(root: unknown, path: SettingsPath): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of `root` with `value` at `path`; only the objects along the path are copied. */
export function setAt<T>(root: T, path: SettingsPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const node = root as unknown as Record<string | number, unknown>;
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<string | number, unknown>;
  copy[key] = setAt(node[key], rest, value);
  return copy as T;
}

/**
 * The smallest patch that sets `value` at `path`, in the engine's update shape (objects for keys,
 * sparse arrays for indices, so untouched bands stay as they are): ['eq', 2, 'gainDb'] → { eq: [, , { gainDb }] }.
 */
export function patchAt(path: SettingsPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof key === 'number') {
    const array: unknown[] = [];
    array[key] = patchAt(rest, value);
    return array;
  }
  return { [key]: patchAt(rest, value) };
}
