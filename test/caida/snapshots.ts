// Runs in Node (the caida test layer and the benchmarks): where the CAIDA AS-relationship snapshots
// are. CAIDA's terms do not allow redistributing them, so they never enter the repository; CI keeps
// them in ../shared/data/caida beside the clone, and anyone else points at their own copy.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CAIDA_URL = 'https://www.caida.org/catalog/datasets/as-relationships/';

/** The snapshots the caida layer checks, by date (files `<date>.as-rel.txt`, serial-1). */
export const SNAPSHOTS = ['19980101', '20050101', '20180101'] as const;

export interface CaidaFolder {
  readonly dir: string;
  /** Where the folder came from, for messages. */
  readonly from: string;
}

/**
 * `$ANYCAST_CAIDA_DIR`, else `../shared/data/caida` beside the repository (`root`: npm runs
 * scripts and benchmarks at the repository root). `npm run test:caida DIR` sets the variable.
 */
export function caidaFolder(root = process.cwd()): CaidaFolder {
  const fromEnv = process.env.ANYCAST_CAIDA_DIR;
  return fromEnv
    ? { dir: resolve(root, fromEnv), from: '$ANYCAST_CAIDA_DIR' }
    : {
        dir: resolve(root, '..', 'shared', 'data', 'caida'),
        from: 'the default, ../shared/data/caida beside the repository',
      };
}

export function snapshotFile(folder: CaidaFolder, date: string): string {
  return join(folder.dir, `${date}.as-rel.txt`);
}

/** The citation CAIDA asks for, for a snapshot date written `yyyymmdd`. */
export function citation(date: string): string {
  return `The CAIDA AS Relationships Dataset, ${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}, ${CAIDA_URL}`;
}

/** The snapshot's bytes, or an error naming where it looked and how to look elsewhere. */
export function readSnapshot(date: string, folder = caidaFolder()): Buffer {
  const file = snapshotFile(folder, date);
  if (!existsSync(file)) {
    throw new Error(
      `CAIDA snapshot ${date}.as-rel.txt not found in ${folder.dir} (${folder.from}); ` +
        `point elsewhere with 'npm run test:caida DIR' or ANYCAST_CAIDA_DIR=DIR (data: ${CAIDA_URL})`,
    );
  }
  return readFileSync(file);
}
