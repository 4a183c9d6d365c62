// The same gateway (same session, same writes and guards) opened on another patient and visit:
// the worklist opens a visit of its queue, the visit picker the visit chosen. Only the launch
// context changes, so every query key (which starts from it) is that visit's own.
import type { FhirGateway } from './gateway.ts';

export function gatewayForVisit(
  base: FhirGateway,
  visit: { patientId: string; encounterId: string },
): FhirGateway {
  const launch = { ...base.launch, patientId: visit.patientId, encounterId: visit.encounterId };
  const gateway: FhirGateway = {
    launch,
    capabilities: () => base.capabilities(),
    read: (type, id) => base.read(type, id),
    search: (type, params) => base.search(type, params),
    create: (resource) => base.create(resource),
    update: (resource, ifMatch) => base.update(resource, ifMatch),
  };
  if (base.operation) {
    const op = base.operation.bind(base);
    gateway.operation = (type, name, parameters) => op(type, name, parameters);
  }
  return gateway;
}
