// Test/dev admin endpoints (loopback only, admin mode only): fault injection, reseed,
// request counts, and direct launch creation for scripts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { EHR_PROFILES, type ProfileHolder } from './ehr-profiles.ts';
import { parseFaultConfig, type Faults, type Stats } from './faults.ts';
import type { FhirStore } from './fhir-store.ts';
import { readBody, sendJson } from './http-util.ts';
import { ROLE_USERS, type LaunchRegistry } from './launch-registry.ts';

export interface AdminDeps {
  store: FhirStore;
  faults: Faults;
  stats: Stats;
  launches: LaunchRegistry;
  fhirBase: string;
  appLaunchUrl: string;
  profile?: ProfileHolder;
}

const profileSchema = z.object({ profile: z.enum(EHR_PROFILES) });

const launchSchema = z.object({
  role: z.enum(['nurse', 'clinician', 'coder']),
  patientId: z.string().min(1),
  encounterId: z.string().min(1).optional(),
  embedded: z.boolean().optional(),
  withhold: z.array(z.string()).optional(),
});

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
}

export async function handleAdmin(
  deps: AdminDeps,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  try {
    if (pathname === '/_admin/faults') {
      if (method === 'POST') deps.faults.set(parseFaultConfig(await jsonBody(req)));
      else if (method === 'DELETE') deps.faults.clear();
      sendJson(res, 200, deps.faults.current());
      return;
    }
    if (pathname === '/_admin/reset' && method === 'POST') {
      deps.faults.clear();
      deps.stats.reset();
      deps.launches.clear();
      if (deps.profile) deps.profile.current = deps.profile.initial;
      const seeded = await deps.store.reset();
      sendJson(res, 200, { seeded });
      return;
    }
    if (pathname === '/_admin/profile' && deps.profile) {
      if (method === 'POST')
        deps.profile.current = profileSchema.parse(await jsonBody(req)).profile;
      sendJson(res, 200, { profile: deps.profile.current });
      return;
    }
    if (pathname === '/_admin/stats') {
      if (method === 'POST' || method === 'DELETE') deps.stats.reset();
      sendJson(res, 200, deps.stats.snapshot());
      return;
    }
    if (pathname === '/_admin/stats/reset' && method === 'POST') {
      deps.stats.reset();
      sendJson(res, 200, deps.stats.snapshot());
      return;
    }
    if (pathname === '/_admin/launch' && method === 'POST') {
      const body = launchSchema.parse(await jsonBody(req));
      const launchId = deps.launches.create({
        userId: ROLE_USERS[body.role],
        patientId: body.patientId,
        encounterId: body.encounterId,
        intent: body.role,
        needPatientBanner: body.embedded !== true,
        withholdTypes: body.withhold ?? [],
      });
      const launchUrl = `${deps.appLaunchUrl}?iss=${encodeURIComponent(deps.fhirBase)}&launch=${encodeURIComponent(launchId)}`;
      sendJson(res, 200, { launchId, launchUrl });
      return;
    }
    sendJson(res, 404, { error: 'unknown admin endpoint' });
  } catch (e) {
    const message =
      e instanceof z.ZodError ? z.prettifyError(e) : e instanceof Error ? e.message : 'bad request';
    sendJson(res, 400, { error: message });
  }
}
