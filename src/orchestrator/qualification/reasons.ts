// The vocabulary the three qualification gates answer in: item results, task states and Spine's
// unavailability reason codes. TMF defines only `{code, label}` for a reason; the codes are Spine's
// (TMF-DOMAIN §7), each one produced by a rule in commercial-eligibility.ts or service-feasibility.ts.

/** TMF645/TMF679 item results (TMF-DOMAIN §4.7); TMF645 uses the same three words for the whole task. */
export const QualificationResults = { qualified: 'qualified', alternate: 'alternate', unqualified: 'unqualified' } as const;
export type QualificationResult = (typeof QualificationResults)[keyof typeof QualificationResults];

/** The task states a qualification moves through (TaskStateType of TMF645/679/673). */
export const TaskStates = { inProgress: 'inProgress', done: 'done', terminatedWithError: 'terminatedWithError' } as const;

/**
 * Every reason a gate can give, cheapest gate first. COMM-* come from TMF679 (gate 1, commercial),
 * TECH-000, TECH-003 and TECH-005 from TMF645 gate 2 (footprint and the premises' own line), the rest
 * from TMF645 gate 3 (deep network).
 */
export const Reasons = {
  notOnSale: { code: 'COMM-001', label: 'Offering not on sale' },
  channelNotAllowed: { code: 'COMM-002', label: 'Channel not allowed' },
  segmentMismatch: { code: 'COMM-003', label: 'Customer segment mismatch' },
  outsideFootprint: { code: 'TECH-000', label: 'Address outside the access footprint' },
  portCapacity: { code: 'TECH-001', label: 'OLT capacity exhausted' },
  opticalBudget: { code: 'TECH-002', label: 'Optical budget exceeded' },
  technologyUnavailable: { code: 'TECH-003', label: 'Access technology not available at this address' },
  ontStock: { code: 'TECH-004', label: 'ONT out of stock' },
  premisesInService: { code: 'TECH-005', label: 'Premises already served' },
} as const;
export type ReasonKey = keyof typeof Reasons;
export type ReasonCode = (typeof Reasons)[ReasonKey]['code'];

/**
 * One `eligibilityUnavailabilityReason` entry. TMF's EligibilityUnavailabilityReason (TMF679) and
 * ServiceEligibilityUnavailabilityReason (TMF645) declare only code and label; Spine's
 * `technicalReason` (what the data shows) and `suggestedAction` (what would work) sit beside them in
 * the same object, which both schemas allow (they forbid no extra properties).
 */
export interface UnavailabilityReason {
  code: ReasonCode;
  label: string;
  technicalReason: string;
  suggestedAction: string;
}

/** A reason entry for `key`, with the sentences computed from the data. */
export function reasonOf(key: ReasonKey, technicalReason: string, suggestedAction: string): UnavailabilityReason {
  return { ...Reasons[key], technicalReason, suggestedAction };
}

/** An item's result: qualified without a reason, else alternate when a proposal is made, unqualified otherwise. */
export function itemResult(reasons: readonly UnavailabilityReason[], proposals: readonly unknown[]): QualificationResult {
  if (!reasons.length) return QualificationResults.qualified;
  return proposals.length ? QualificationResults.alternate : QualificationResults.unqualified;
}

/** The task's result per TMF645: unqualified if any item is, else alternate if any item is, else qualified. */
export function overallResult(items: readonly QualificationResult[]): QualificationResult {
  if (items.includes(QualificationResults.unqualified)) return QualificationResults.unqualified;
  return items.includes(QualificationResults.alternate) ? QualificationResults.alternate : QualificationResults.qualified;
}

/** A list in words: `a`, `a or b`, `a, b or c` (or `and`). */
export function listed(options: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  return options.length > 1 ? `${options.slice(0, -1).join(', ')} ${conjunction} ${options.at(-1)}` : (options[0] ?? '');
}

/** The text with its first letter in upper case, to start a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
