/**
 * What the device host needs of the first-run setup (issue #15), which the launcher provides
 * when it started a local sync-server with no staff (main/launcher/first-run.ts): the host only
 * forwards the page's `setup/*` commands and takes on the register's new credentials.
 */
import type { FirstRunInput, FirstRunProblem } from '../../src/setup/first-run';
import type { RegisterConfig } from './host-options';

/** A refusal in both languages; the host answers in the page's. */
export class FirstRunRefused extends Error {
  constructor(readonly problem: Pick<FirstRunProblem, 'vi' | 'en'> & { field?: string }) {
    super(problem.en);
  }
}

export interface FirstRun {
  /** True until a setup has succeeded. */
  needed(): boolean;
  /** Writes the store, its manager and this register; answers who the register now is. */
  complete(input: FirstRunInput): Promise<RegisterConfig>;
}
