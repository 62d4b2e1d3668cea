/** The engine's public API: pure, deterministic BGP resolution for diagrams and AS graphs. */
export * from './types';
export * from './asTypes';
export { resolve, FIBRE_KM_PER_MS, METRO_ACCESS_FLOOR_MS, PATH_STRETCH } from './resolve';
export type { ResolveOptions } from './resolve';
export { diffResolutions } from './diff';
export { popFailureImpact } from './impact';
export type { PopFailureImpact } from './impact';
export { parseAsRelationships, asGraphFromLinks, asIndex, AsRelError } from './asGraph';
export type { AsLink } from './asGraph';
export { propagate } from './propagate';
export { RequestError } from './asScenario';
export { asPathAt, asPathOf, originAsnAt, explainAll, explainAs, diffRouteTables } from './asRoutes';
export type { AsCandidate, AsExplanation } from './asRoutes';
export { influenceOf } from './asInfluence';
export type { AsInfluence } from './asInfluence';
export { parseCidr, parseAddress, cidrContains, cidrOverlaps, longestMatch } from './prefix';
export type { Cidr } from './prefix';
export { greatCircleKm } from './geo';
