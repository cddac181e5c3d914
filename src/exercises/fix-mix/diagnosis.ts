/** Step one of fix-mix, graded: the faults the learner named against the ones planted (pure). */
import type { TrackId } from '../../production/types';
import { FALSE_ALARM_COST, type FaultClaim, type FaultName, type PlantedFault, TRACK_FAULTS } from './meta';

/** How a diagnosis went. */
export interface DiagnosisGrade {
  /** 0 … 1: max(0, found − FALSE_ALARM_COST · falseAlarms) / planted. */
  share: number;
  /** Credit earned: 1 per fault named (on the right track where one is asked), ½ on the wrong track. */
  found: number;
  /** Named faults that are not there. */
  falseAlarms: number;
  /** Per planted fault: 'found', 'wrong-track' or 'missed'. */
  perFault: ('found' | 'wrong-track' | 'missed')[];
  /** Every fault named, on the right track, and nothing else. */
  exact: boolean;
}

/** The learner's claims made safe: known names only, one claim per name (the first), tracks only where asked. */
export function sanitiseClaims(answer: unknown, choices: readonly FaultName[]): FaultClaim[] {
  if (!Array.isArray(answer)) return [];
  const out: FaultClaim[] = [];
  for (const raw of answer) {
    if (typeof raw !== 'object' || raw === null) continue;
    const c = raw as Partial<FaultClaim>;
    if (typeof c.fault !== 'string' || !choices.includes(c.fault as FaultName)) continue;
    if (out.some((o) => o.fault === c.fault)) continue;
    const claim: FaultClaim = { fault: c.fault as FaultName };
    if (TRACK_FAULTS.includes(claim.fault) && typeof c.track === 'string') claim.track = c.track as TrackId;
    out.push(claim);
  }
  return out;
}

/** Grades the claims against the planted faults (see DiagnosisGrade.share for the rule). */
export function gradeDiagnosis(
  planted: readonly PlantedFault[],
  claims: readonly FaultClaim[],
): DiagnosisGrade {
  const perFault = planted.map((f) => {
    const claim = claims.find((c) => c.fault === f.fault);
    if (!claim) return 'missed' as const;
    return f.track === null || claim.track === f.track ? ('found' as const) : ('wrong-track' as const);
  });
  const found = perFault.reduce((s, p) => s + (p === 'found' ? 1 : p === 'wrong-track' ? 0.5 : 0), 0);
  const falseAlarms = claims.filter((c) => !planted.some((f) => f.fault === c.fault)).length;
  const share =
    planted.length > 0
      ? Math.max(0, found - FALSE_ALARM_COST * falseAlarms) / planted.length
      : falseAlarms > 0
        ? 0
        : 1;
  return {
    share: Math.min(1, share),
    found,
    falseAlarms,
    perFault,
    exact: falseAlarms === 0 && perFault.every((p) => p === 'found'),
  };
}
