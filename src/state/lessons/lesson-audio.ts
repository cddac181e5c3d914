/**
 * One lesson block sounds at a time: a block that starts playing stops the one that played before (a listen
 * example, a hands-on mixer or an embedded drill), so two loops never play over each other.
 */

let current: { owner: object; stop: () => void } | null = null;

/** `owner` starts playing: whatever another owner was playing stops. */
export function claimLessonAudio(owner: object, stop: () => void): void {
  if (current && current.owner !== owner) current.stop();
  current = { owner, stop };
}

/** `owner` stopped (or went away): forget it, so nobody stops it later. */
export function releaseLessonAudio(owner: object): void {
  if (current?.owner === owner) current = null;
}

/** Stops whatever a lesson block is playing (the learner left the lesson). */
export function stopLessonAudio(): void {
  const playing = current;
  current = null;
  playing?.stop();
}
