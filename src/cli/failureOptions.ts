// Runs in Node: the what-if options every diagram command takes (--fail, --fail-as, --fail-link), as one table.
import type { FailureFlags } from './failures';
import type { OptionSpec } from './options';

export const failureOptions = [
  {
    name: 'fail',
    type: 'string',
    value: 'POP',
    multiple: true,
    description: 'withdraw that PoP (its node id or name, e.g. PoPUS or US-East)',
  },
  {
    name: 'fail-as',
    type: 'string',
    value: 'AS',
    multiple: true,
    description: 'take an AS down: its number (174, AS174), node id or name (Cogent)',
  },
  {
    name: 'fail-link',
    type: 'string',
    value: 'A--B',
    multiple: true,
    description: 'take the BGP session between two nodes down (ids or names, either order)',
  },
] as const satisfies readonly OptionSpec[];

/** The failure options as read, in the shape the diagram lookup takes. */
export function failureFlags(values: {
  readonly fail: string[];
  readonly 'fail-as': string[];
  readonly 'fail-link': string[];
}): FailureFlags {
  return { fail: values.fail, failAs: values['fail-as'], failLink: values['fail-link'] };
}
