/**
 * The audit this plugin reads. The audit's computation and its `AuditResult` schema belong to
 * @liujin/core (issue #16); until that move lands, this is the subset of the audit result's shape
 * (as written by `runAudit`, schema version 1) that the OSCAL exporter reads, structurally, so the
 * plugin still imports nothing but @liujin/core.
 */
import type { LocalizedText, RequirementResult, UnitKind } from '@liujin/core';

interface Coverage {
  applicable: number;
  met: number;
  notMet: number;
  pending: number;
  notAssessed: number;
  waived: number;
  denominator: number;
  share: number | null;
}

export interface AuditResult {
  schemaVersion: '1';
  year: number;
  asOf: string;
  region: string;
  catalog: { id: string; version: string };
  district: { id: string; name: string; synthetic: boolean };
  units: { unitId: string; name: string; kind: UnitKind; town?: string; results: Omit<RequirementResult, 'unitId' | 'year'>[] }[];
  overall: Coverage;
  byRequirement: (Coverage & { requirementId: string; title: LocalizedText; clause: string; target: number | null; targetMet: boolean | null })[];
  activities: { total: number; used: number; unmatched: number };
}
