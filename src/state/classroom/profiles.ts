/** Profiles on this device: create, switch, rename, delete. Each has its own attempts, progress and lessons. */
import { sanitiseText } from '../../classroom/sanitise';
import { createRng, hashString } from '../../dsp/random';
import { toStorageError } from '../../storage/errors';
import {
  deleteProfile as deleteStoredProfile,
  listProfiles,
  renameProfile as renameStoredProfile,
  saveProfile,
} from '../../storage/profiles';
import type { Profile } from '../../storage/schema';
import { showNotice } from '../shared/notices';
import {
  activeProfileId,
  announceProfilesChanged,
  database,
  profiles,
  updateSetting,
} from '../shared/storage';

/** Badge colours, handed out in order so profiles on one device look different. */
export const PROFILE_COLORS = ['teal', 'amber', 'violet', 'rose', 'sky', 'lime'] as const;
/** Longest profile name. */
export const MAX_PROFILE_NAME = 40;

/** A change that worked, or a sentence saying why not (nothing was changed then). */
export type ProfileResult = { ok: true; profile: Profile } | { ok: false; error: string };

let counter = 0;

/** A name as it is stored: invisible and direction-override characters removed, spaces tidied. */
export function cleanProfileName(name: string): string {
  return sanitiseText(name).trim().replace(/\s+/g, ' ');
}

/** Why a name cannot be used (empty, too long, or taken by another profile), or null when it can. */
export function profileNameProblem(name: string, exceptId?: string): string | null {
  const clean = cleanProfileName(name);
  if (clean === '') return 'Type a name.';
  if (clean.length > MAX_PROFILE_NAME) return `Names are at most ${MAX_PROFILE_NAME} characters.`;
  const taken = profiles.value.some((p) => p.id !== exceptId && p.name.toLowerCase() === clean.toLowerCase());
  return taken ? `There is already a profile called “${clean}”.` : null;
}

function failure(error: unknown): { ok: false; error: string } {
  const e = toStorageError(error);
  showNotice({ id: `profile-${e.kind}`, tone: 'error', text: e.message });
  return { ok: false, error: e.message };
}

/** Re-reads the profile list from storage. */
async function refresh(): Promise<void> {
  profiles.value = await listProfiles(await database());
}

/** Makes a profile the one whose practice is recorded (remembered across visits). */
export async function switchProfile(id: string): Promise<void> {
  if (!profiles.value.some((p) => p.id === id)) return;
  activeProfileId.value = id;
  await updateSetting('activeProfileId', id);
}

/** Creates a profile (and by default switches to it). */
export async function createProfile(name: string, { activate = true } = {}): Promise<ProfileResult> {
  const problem = profileNameProblem(name);
  if (problem) return { ok: false, error: problem };
  const now = Date.now();
  const rng = createRng(hashString(name) ^ now ^ ++counter);
  const used = new Set(profiles.value.map((p) => p.color));
  const profile: Profile = {
    id: `p-${now.toString(36)}-${rng.int(0, 36 ** 4 - 1).toString(36)}`,
    name: cleanProfileName(name),
    color:
      PROFILE_COLORS.find((c) => !used.has(c)) ??
      PROFILE_COLORS[profiles.value.length % PROFILE_COLORS.length]!,
    createdAt: now,
  };
  try {
    await saveProfile(await database(), profile);
    await refresh();
    announceProfilesChanged();
    if (activate) await switchProfile(profile.id);
    return { ok: true, profile };
  } catch (error) {
    return failure(error);
  }
}

/** Renames a profile. */
export async function renameProfile(id: string, name: string): Promise<ProfileResult> {
  const problem = profileNameProblem(name, id);
  if (problem) return { ok: false, error: problem };
  try {
    const profile = await renameStoredProfile(await database(), id, cleanProfileName(name));
    await refresh();
    announceProfilesChanged();
    return { ok: true, profile };
  } catch (error) {
    return failure(error);
  }
}

/** Deletes a profile and everything it practised; the active profile moves to the oldest remaining one. */
export async function deleteProfile(id: string): Promise<{ ok: true } | { ok: false; error: string }> {
  if (profiles.value.length <= 1)
    return { ok: false, error: 'At least one profile must remain on this device.' };
  try {
    await deleteStoredProfile(await database(), id);
    await refresh();
    if (activeProfileId.value === id && profiles.value[0]) await switchProfile(profiles.value[0].id);
    // Other tabs drilling as this profile stop saving into it (they move to a real profile and say so).
    announceProfilesChanged();
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** The active profile, if loaded. */
export function activeProfile(): Profile | undefined {
  return profiles.value.find((p) => p.id === activeProfileId.value);
}
