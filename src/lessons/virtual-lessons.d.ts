/** The lessons as the build hands them to the app (see src/lessons/build/lessons-plugin.ts). */
declare module 'virtual:lessons' {
  /** Every lesson without its body, in map order (production track, then mixing, each by `order`). */
  export const lessonIndex: readonly import('./schema').LessonSummary[];
  /** Loads one lesson's chunk; null for an unknown id. */
  export function loadLesson(id: string): Promise<import('./schema').Lesson | null>;
}
