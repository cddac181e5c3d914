/** The exercise kinds an assignment may name, with their level counts (from the exercise registry). */
import { exerciseIds, exercises } from '../exercises/registry';

/** What the classroom needs to know about one exercise kind. */
export interface CatalogEntry {
  id: string;
  title: string;
  /** Number of levels; valid levels are 1 … levels. */
  levels: number;
  /** Level names, easiest first (for pickers and tables). */
  levelNames: readonly string[];
}

/** A lookup of exercise kinds (own keys only: "constructor" or "__proto__" are not kinds). */
export interface ExerciseCatalog {
  ids: readonly string[];
  get(id: string): CatalogEntry | undefined;
}

/** Builds a catalog from entries. */
export function createCatalog(entries: readonly CatalogEntry[]): ExerciseCatalog {
  const map = new Map(entries.map((e) => [e.id, e]));
  return { ids: entries.map((e) => e.id), get: (id) => map.get(id) };
}

let registryCatalog: ExerciseCatalog | null = null;

/** The catalog of every exercise kind this build of Headroom has. */
export function defaultCatalog(): ExerciseCatalog {
  registryCatalog ??= createCatalog(
    exerciseIds.map((id) => {
      const meta = exercises[id]!.meta;
      return {
        id,
        title: meta.title,
        levels: meta.levels.length,
        levelNames: meta.levels.map((l) => l.name),
      };
    }),
  );
  return registryCatalog;
}
