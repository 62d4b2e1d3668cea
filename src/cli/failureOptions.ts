// Runs in Node: the what-if options every diagram command takes (--fail, --fail-as, --fail-link, and --up where one routing is shown), as one table.
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

/** The what-if options of the commands that show one routing (resolve, mermaid, export): the failures and --up. */
export const whatIfOptions = [
  ...failureOptions,
  {
    name: 'up',
    type: 'string',
    value: 'POP',
    multiple: true,
    description: 'announce a PoP the file marks `state: down`, to see it up (its node id or name)',
  },
] as const satisfies readonly OptionSpec[];

/** The failure options as read (and --up, where the command takes it), in the shape the diagram lookup takes. */
export function failureFlags(values: {
  readonly fail: string[];
  readonly 'fail-as': string[];
  readonly 'fail-link': string[];
  readonly up?: string[];
}): FailureFlags {
  return { fail: values.fail, failAs: values['fail-as'], failLink: values['fail-link'], up: values.up ?? [] };
}
