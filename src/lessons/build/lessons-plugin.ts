/**
 * Vite plugin: lessons/*.md become `virtual:lessons` (the index, small) and `virtual:lessons/<id>` (one lazily
 * loaded chunk per lesson, so the service worker precaches them and the first screen stays small). Any
 * mistake in any lesson fails the build (and the dev server shows it) with file, line and reason.
 *
 * The parser (src/lessons/build/load-lessons.ts and src/lessons/) is loaded through Vite's module runner when the build
 * starts, not imported here: the config file then stays small and free of the app's TypeScript imports.
 */
import { resolve } from 'node:path';
import { type Plugin, runnerImport, type ViteDevServer } from 'vite';
import type { Lesson } from '../schema';
import type { LoadedLessons } from './load-lessons';

type Loader = typeof import('./load-lessons');

const INDEX_ID = 'virtual:lessons';
const LESSON_PREFIX = 'virtual:lessons/';

/** Options: where the lesson files are (default `<root>/lessons`). */
export interface LessonsPluginOptions {
  dir?: string;
}

/** The lesson plugin; add it to Vite's (and Vitest's browser project's) plugins. */
export function lessonsPlugin(options: LessonsPluginOptions = {}): Plugin {
  let root = process.cwd();
  let dir = resolve(root, options.dir ?? 'lessons');
  let loader: Promise<Loader> | null = null;
  let cache: LoadedLessons | null = null;

  const loaded = async (): Promise<LoadedLessons> => {
    loader ??= runnerImport<Loader>(resolve(root, 'src/lessons/build/load-lessons.ts'), {
      root,
      logLevel: 'error',
    }).then((r) => r.module);
    cache ??= (await loader).loadLessons(dir, root);
    return cache;
  };
  const problemsMessage = async (l: LoadedLessons) => (await loader)?.describeProblems(l.problems) ?? '';

  const indexCode = (lessons: readonly Lesson[], summaries: unknown[]) => {
    const loaders = lessons
      .map((l) => `  ${JSON.stringify(l.id)}: () => import(${JSON.stringify(LESSON_PREFIX + l.id)}),`)
      .join('\n');
    return [
      `export const lessonIndex = ${JSON.stringify(summaries)};`,
      `const loaders = {\n${loaders}\n};`,
      'export function loadLesson(id) {',
      '  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;',
      '  return load ? load().then((m) => m.default) : Promise.resolve(null);',
      '}',
    ].join('\n');
  };

  const invalidate = (server: ViteDevServer) => {
    cache = null;
    for (const mod of server.moduleGraph.idToModuleMap.values())
      if (mod.id?.startsWith(`\0${INDEX_ID}`)) server.moduleGraph.invalidateModule(mod);
    server.ws.send({ type: 'full-reload' });
  };

  return {
    name: 'headroom-lessons',
    configResolved(config) {
      root = config.root;
      dir = resolve(root, options.dir ?? 'lessons');
    },
    async buildStart() {
      cache = null;
      const l = await loaded();
      for (const file of l.files) this.addWatchFile(file);
      if (l.problems.length > 0) this.error(await problemsMessage(l));
    },
    configureServer(server) {
      server.watcher.add(dir);
      const onChange = (file: string) => {
        if (file.startsWith(dir) && file.endsWith('.md')) invalidate(server);
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
    },
    resolveId(id) {
      if (id === INDEX_ID || id.startsWith(LESSON_PREFIX)) return `\0${id}`;
      return null;
    },
    async load(id) {
      if (!id.startsWith(`\0${INDEX_ID}`)) return null;
      const l = await loaded();
      if (l.problems.length > 0) this.error(await problemsMessage(l));
      const { lessons } = l;
      if (id === `\0${INDEX_ID}`) {
        const { summaryOf } = await (loader as Promise<Loader>);
        return indexCode(lessons, lessons.map(summaryOf));
      }
      const lessonId = id.slice(`\0${LESSON_PREFIX}`.length);
      const lesson = lessons.find((x) => x.id === lessonId);
      if (!lesson) this.error(`virtual:lessons: no lesson "${lessonId}"`);
      // JSON.parse of a string literal is faster than an object literal of the same size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(lesson))});`;
    },
  };
}
