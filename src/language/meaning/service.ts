/**
 * The service address clients send to: named in the front matter or by the first service node,
 * and covered by every PoP's prefixes, or clients could never reach that PoP.
 */
import { cidrContains, parseAddress, parseCidr } from '../../engine/prefix';
import type { AnalysisContext } from './context';
import { readPrefix } from './facts';
import type { DocumentSettings, NodeModel } from './model';
import type { MutableNode } from './nodes';

/** The seed diagram's service: an address and prefix from the documentation range (RFC 5737). */
const seedAddress = '203.0.113.1';
/** The shortest prefixes networks accept from each other, by address family. */
const servicePrefixLength = { 4: 24, 6: 48 } as const;

/** The settings with the service address of the first service node when the front matter names none. */
export function inferService(
  cx: AnalysisContext,
  nodes: readonly NodeModel[],
  settings: DocumentSettings,
): DocumentSettings {
  if (settings.serviceAddress) return settings;
  const service = nodes.find((n) => n.role === 'service' && n.address);
  if (!service?.address) return settings;
  for (const other of nodes) {
    if (
      other !== service &&
      other.role === 'service' &&
      other.address &&
      other.address.value !== service.address.value
    ) {
      cx.diagnostics.push({
        range: other.address.range,
        severity: 'warning',
        code: 'several-services',
        message: `A second service address ${other.address.value}; routing uses the first, ${service.address.value} (name one in the front matter: anycast: service:)`,
      });
    }
  }
  return { ...settings, serviceAddress: service.address };
}

/**
 * A plain diagram that writes no prefix anywhere (`A[PoP: Paris]`) announces the service prefix
 * from every PoP, as the seed diagram does: the /24 (IPv4) or /48 (IPv6) around the service
 * address, or with no address either the seed's 203.0.113.0/24 and 203.0.113.1. Once any prefix
 * is written, a PoP without one is an omission and says so.
 */
export function inferServicePrefix(
  cx: AnalysisContext,
  nodes: readonly MutableNode[],
  settings: DocumentSettings,
): DocumentSettings {
  const pops = nodes.filter((n) => n.role === 'pop');
  if (pops.length === 0 || cx.frontMatterPrefixesWritten || pops.some((n) => cx.announceWritten.has(n.id)))
    return settings;
  const address = settings.serviceAddress?.value ?? seedAddress;
  const parsed = parseAddress(address);
  if (!parsed.ok) return settings;
  const read = readPrefix(`${address}/${servicePrefixLength[parsed.value.family]}`);
  const prefix = read.ok ? read.value : read.suggestions?.[0];
  if (prefix === undefined) return settings;
  for (const n of pops) n.announces = [{ value: prefix, range: n.idRange, source: 'default' }];
  const at = cx.range(cx.syntax.header?.keyword ?? { start: 0, end: 0 });
  cx.inferred.push({
    range: at,
    message: settings.serviceAddress
      ? `No prefix is written: every PoP announces ${prefix}, the service prefix around ${address}`
      : `No prefix or service address is written: every PoP announces ${prefix} and clients send to ${address} (documentation addresses, as in the seed diagram)`,
  });
  return settings.serviceAddress
    ? settings
    : { ...settings, serviceAddress: { value: address, range: at, source: 'default' } };
}

/** Reports each PoP whose prefixes do not cover the service address. */
export function checkPrefixes(cx: AnalysisContext, nodes: readonly NodeModel[], settings: DocumentSettings): void {
  const service = settings.serviceAddress;
  if (!service) {
    if (nodes.some((n) => n.role === 'pop')) {
      const at = cx.syntax.header?.keyword ?? { start: 0, end: 0 };
      cx.report(
        at,
        'hint',
        'no-service-address',
        "No service address: add a node 'Anycast IP: 203.0.113.1' or anycast: service: in the front matter; clients follow the first announced prefix",
      );
    }
    return;
  }
  const address = parseAddress(service.value);
  if (!address.ok) return;
  for (const n of nodes) {
    if (n.role !== 'pop' || n.announces.length === 0) continue;
    const covers = n.announces.some((p) => {
      const cidr = parseCidr(p.value);
      return cidr.ok && cidrContains(cidr.value, address.value);
    });
    if (covers) continue;
    const first = n.announces[0];
    if (!first) continue;
    const family = parseCidr(first.value);
    const mismatch = family.ok && family.value.family !== address.value.family;
    const message = mismatch
      ? `PoP '${n.id}' announces IPv${family.ok ? family.value.family : ''} ${n.announces.map((p) => p.value).join(', ')} but the service address ${service.value} is IPv${address.value.family}`
      : `PoP '${n.id}' announces ${n.announces.map((p) => p.value).join(', ')}, which does not cover the service address ${service.value}: clients can never reach it there`;
    cx.diagnostics.push({
      range: first.source === 'front-matter' ? n.idRange : first.range,
      severity: 'error',
      code: 'prefix-not-covering',
      message,
    });
  }
}
