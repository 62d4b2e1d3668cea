/** The virtual module test/integration/build.mjs generates: it requires every suite/*.test.ts. */
declare module 'anycast:suites' {
  export function loadSuites(): void;
}
