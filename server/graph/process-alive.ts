// Whether a process named by a lock file still runs: the data folder's (embedded.ts), the import's
// (server/cli/import-cli.ts), the class archive's recording (class-archive.ts).

/** Whether a process runs: one of another user's (EPERM) counts, as it may still hold what it locked. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
