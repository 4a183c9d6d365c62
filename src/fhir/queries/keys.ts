// Query-key factory (house habit 5). Every key starts with [serverUrl, patientId] so two
// launches (two servers, two patients) never share cache.
import type { LaunchContext } from '../gateway.ts';
import type { WorklistSource } from '../load/work-queue.ts';

export const fhirKeys = {
  all: (launch: LaunchContext) => [launch.serverUrl, launch.patientId ?? null] as const,
  capabilities: (launch: LaunchContext) => [...fhirKeys.all(launch), 'capabilities'] as const,
  patient: (launch: LaunchContext) => [...fhirKeys.all(launch), 'patient'] as const,
  billingPicture: (launch: LaunchContext) =>
    [...fhirKeys.all(launch), 'billing-picture', launch.encounterId ?? null] as const,
  userRoles: (launch: LaunchContext) =>
    [...fhirKeys.all(launch), 'user-roles', launch.fhirUser ?? null] as const,
  referenceData: (launch: LaunchContext) => [...fhirKeys.all(launch), 'reference-data'] as const,
  signOffs: (launch: LaunchContext, claimId: string) =>
    [...fhirKeys.all(launch), 'sign-offs', claimId] as const,
  /** The nurse's ordered drugs for the launch visit (MedicationRequest + Medication). */
  nurseOrders: (launch: LaunchContext) =>
    [...fhirKeys.all(launch), 'nurse-orders', launch.encounterId ?? null] as const,
  /** Built-in products for the nurse's screen (the shell keeps its analyzer under referenceData). */
  referenceProducts: (launch: LaunchContext) =>
    [...fhirKeys.referenceData(launch), 'products'] as const,
  /** The analyzer of a clinic day (built-in reference data). */
  dayAnalyzer: (launch: LaunchContext) => [...fhirKeys.referenceData(launch), 'day'] as const,
  patientVisits: (launch: LaunchContext) => [...fhirKeys.all(launch), 'patient-visits'] as const,
  plannedOrders: (launch: LaunchContext) => [...fhirKeys.all(launch), 'planned-orders'] as const,
  plannedChecks: (launch: LaunchContext) =>
    [...fhirKeys.all(launch), 'planned-checks', launch.encounterId ?? null] as const,
  /** Every worklist of the launch (what a refresh invalidates). */
  worklists: (launch: LaunchContext) => [...fhirKeys.all(launch), 'worklist'] as const,
  worklist: (launch: LaunchContext, source: WorklistSource | undefined) =>
    [...fhirKeys.worklists(launch), source ?? null] as const,
  locations: (launch: LaunchContext) => [...fhirKeys.all(launch), 'locations'] as const,
  board: (launch: LaunchContext, day: string) => [...fhirKeys.all(launch), 'board', day] as const,
  /** The practice manager's dashboard: the clinic days from `from` to `to` (local dates). */
  dashboard: (launch: LaunchContext, from: string, to: string) =>
    [...fhirKeys.all(launch), 'dashboard', from, to] as const,
  /** The built-in reference data the dashboard's figures are computed with. */
  dashboardReference: (launch: LaunchContext) =>
    [...fhirKeys.referenceData(launch), 'dashboard'] as const,
};

/** Keys that no write of ours can change (server facts, the user, built-in data). */
export const WRITE_INDEPENDENT_KEYS: readonly string[] = [
  'capabilities',
  'user-roles',
  'reference-data',
];
