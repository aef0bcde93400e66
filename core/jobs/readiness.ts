/**
 * Readiness entries of the scale-out parts: this instance's role in job processing and whether
 * cache invalidations from other instances reach it. Neither makes the instance unready — an
 * instance with jobs off serves as well, and with the bus down caches still expire (30 s at most)
 * while it reconnects — but both are what an operator checks first when instances disagree.
 */
import type { ClusterBus } from '../cluster/bus.js';
import type { ReadinessCheck } from '../http/routes/health.js';
import type { JobScheduler } from './job.js';

export function jobsCheck(scheduler: JobScheduler): ReadinessCheck {
  return { name: 'jobs', run: async () => ({ ok: true, role: scheduler.role }) };
}

export function cacheBusCheck(bus: ClusterBus): ReadinessCheck {
  return { name: 'cacheBus', run: async () => ({ ok: true, kind: bus.kind, connected: bus.connected }) };
}
