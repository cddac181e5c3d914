/** The reports store: student reports a teacher imported (key = checksum of the report's content). */
import { toStorageError } from './errors';
import type { HeadroomDb } from './open';
import type { StoredReport } from './schema';

/** What happened to one report on import. */
export type ReportImport = 'added' | 'duplicate';

/** Stores reports in one transaction; one already stored (same id = same content) is left as it is. */
export async function importReportRecords(
  db: HeadroomDb,
  records: readonly StoredReport[],
): Promise<ReportImport[]> {
  try {
    const tx = db.transaction('reports', 'readwrite');
    const outcomes: ReportImport[] = [];
    for (const record of records) {
      if (await tx.store.getKey(record.id)) outcomes.push('duplicate');
      else {
        await tx.store.add(record);
        outcomes.push('added');
      }
    }
    await tx.done;
    return outcomes;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Every stored report, or one assignment's. */
export async function listReportRecords(db: HeadroomDb, assignmentId?: string): Promise<StoredReport[]> {
  try {
    return assignmentId === undefined
      ? await db.getAll('reports')
      : await db.getAllFromIndex('reports', 'byAssignment', assignmentId);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Deletes one report. */
export async function deleteReportRecord(db: HeadroomDb, id: string): Promise<void> {
  try {
    await db.delete('reports', id);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Records (or, with null, withdraws) the teacher's "Accept anyway" on one report; false when it is gone. */
export async function setReportAcceptance(
  db: HeadroomDb,
  id: string,
  accepted: { by: string; at: number } | null,
): Promise<boolean> {
  try {
    const tx = db.transaction('reports', 'readwrite');
    const record = await tx.store.get(id);
    if (record) {
      const { accepted: _old, ...rest } = record;
      await tx.store.put(accepted ? { ...rest, accepted } : rest);
    }
    await tx.done;
    return record !== undefined;
  } catch (error) {
    throw toStorageError(error);
  }
}
