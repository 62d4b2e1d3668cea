// Test helper: small builders for the engine's topology specs, shared by the engine's tests.
import type { ClientSpec, GeoPoint, OriginSpec, RouterSpec, SessionSpec } from '../../../src/engine/index';

const PREFIX = '203.0.113.0/24';
export const router = (id: string, asn: number, point?: GeoPoint, routerId?: number): RouterSpec => ({
  id,
  asn,
  ...(point ? { point } : {}),
  ...(routerId ? { routerId } : {}),
});
/** `customer` buys transit from `provider`. */
export const transit = (
  id: string,
  customer: string,
  provider: string,
  extra: Partial<SessionSpec> = {},
): SessionSpec => ({
  id,
  a: customer,
  b: provider,
  relationship: 'customer-provider',
  ...extra,
});
export const peering = (id: string, a: string, b: string, extra: Partial<SessionSpec> = {}): SessionSpec => ({
  id,
  a,
  b,
  relationship: 'peer-peer',
  ...extra,
});
export const pop = (id: string, at: string, extra: Partial<OriginSpec> = {}): OriginSpec => ({
  id,
  router: at,
  prefixes: [PREFIX],
  ...extra,
});
export const client = (id: string, at: string, point?: GeoPoint): ClientSpec => ({
  id,
  router: at,
  ...(point ? { point } : {}),
});
