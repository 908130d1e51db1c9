/**
 * Everything a bench run starts (child processes, temp folders, browsers) is registered here the
 * moment it exists and undone in reverse order at the end, on failure and on Ctrl-C alike, so a
 * run never leaves a server holding a port or a LevelDB lock behind.
 */
export type CleanupTask = () => Promise<void> | void;

export class Cleanup {
  private readonly tasks: { name: string; run: CleanupTask }[] = [];

  add(name: string, run: CleanupTask): () => Promise<void> {
    const task = { name, run };
    this.tasks.push(task);
    // Undo one task early (a phase is over) without running it twice at the end.
    return async () => {
      const index = this.tasks.indexOf(task);
      if (index < 0) return;
      this.tasks.splice(index, 1);
      await task.run();
    };
  }

  /** Runs every task, newest first; returns the failures instead of stopping at the first. */
  async runAll(): Promise<string[]> {
    const failures: string[] = [];
    while (this.tasks.length > 0) {
      const task = this.tasks.pop();
      if (!task) break;
      try {
        await task.run();
      } catch (error) {
        failures.push(`${task.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return failures;
  }
}
