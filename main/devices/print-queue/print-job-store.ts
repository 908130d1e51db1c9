/**
 * Print jobs on disk, one JSON file per job, so a receipt survives a crash or a power cut
 * between the sale and the printer. Each write goes to a temporary file that is fsynced and then
 * renamed over the job file (and the folder fsynced), so a job file is always whole: the old
 * version or the new one, never half of each.
 */
import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrintJobInfo } from '../../../src/ipc/contract';
import type { Receipt } from '../../../src/receipt/model';

export interface StoredPrintJob extends PrintJobInfo {
  receipt: Receipt;
  /** The job this one reprints, for copies. */
  copyOf?: string;
  createdAt: string;
  updatedAt: string;
}

export class PrintJobStore {
  private constructor(readonly folder: string) {}

  static async open(dataDir: string): Promise<PrintJobStore> {
    const folder = join(dataDir, 'print-jobs');
    await mkdir(folder, { recursive: true });
    return new PrintJobStore(folder);
  }

  private fileFor(jobId: string): string {
    // Job ids come from the renderer: keep them from naming a path outside the folder.
    return join(this.folder, `${encodeURIComponent(jobId)}.json`);
  }

  async save(job: StoredPrintJob): Promise<void> {
    const target = this.fileFor(job.jobId);
    const temporary = `${target}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(JSON.stringify(job));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    await this.syncFolder();
  }

  private async syncFolder(): Promise<void> {
    const handle = await open(this.folder, 'r');
    try {
      await handle.sync();
    } catch {
      // Some file systems cannot fsync a directory; the rename is still atomic there.
    } finally {
      await handle.close();
    }
  }

  async loadAll(): Promise<StoredPrintJob[]> {
    const jobs: StoredPrintJob[] = [];
    for (const name of await readdir(this.folder)) {
      if (!name.endsWith('.json')) continue;
      try {
        jobs.push(JSON.parse(await readFile(join(this.folder, name), 'utf8')) as StoredPrintJob);
      } catch {
        // A file that does not parse was not written by save(); leave it for inspection.
      }
    }
    return jobs.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.jobId.localeCompare(b.jobId),
    );
  }
}
