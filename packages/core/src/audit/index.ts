/**
 * The coverage audit as data (docs/audit.md): statuses per unit, coverage arithmetic, the gaps
 * to chase and every activity's fate, in a versioned schema. Rendering it into reports is the
 * job of exporters (@liujin/audit); any exporter reads an AuditResult from here.
 */
export { runAudit, AuditAccumulator, PreviousAuditError, unmatchedEntry, setAsideEntry, uniqueIds, type AuditInput } from './run-audit';
export { AuditResult, Coverage, AUDIT_SCHEMA_VERSION, AUDIT_JSON_SCHEMA, UnmatchedReason, PreviousAudit, ShareChange } from './schema';
export { targetStatus, type TargetStatus } from './coverage';
export { ChaseTier, CHASE_TIER_LABELS, chaseWeight, compareChase, type ChaseFacts, type ChaseWeight } from './chase';
