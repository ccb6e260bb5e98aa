import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from './service.ts';

/** What an operator can do about a file-system error on DATA_DIR, by error code. */
const FS_ERRORS: Record<string, string> = {
  EACCES: 'permission denied (make it writable by this user, or set DATA_DIR elsewhere)',
  EPERM: 'permission denied (make it writable by this user, or set DATA_DIR elsewhere)',
  EROFS: 'the file system is read-only (set DATA_DIR elsewhere)',
  EEXIST: 'a file is in the way of the directory (move it, or set DATA_DIR elsewhere)',
  ENOTDIR: 'a file is in the way of the directory (move it, or set DATA_DIR elsewhere)',
  ENOSPC: 'no space left on the device',
};

const takenHere = new Set<string>();

/**
 * Takes DATA_DIR for this process before any embedded store opens it: PGlite and chDB allow one
 * process per directory, and a second one (a `migrate` or `demo` beside a running `npm start`)
 * must be told so in one line rather than crash inside an engine. The lock is a file holding the
 * owner's pid; one left by a dead process is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, 'tidemark.pid');
  if (takenHere.has(path)) throw new StartupError(`Data directory ${dir} is already open in this process`);
  try {
    mkdirSync(dir, { recursive: true });
    for (;;) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number(readFileSync(path, 'utf8').trim());
        if (owner && owner !== process.pid && isAlive(owner)) {
          throw new StartupError(
            `Data directory ${dir} is in use by process ${owner} (npm start?): stop it first, or set DATA_DIR to another directory`,
          );
        }
        rmSync(path, { force: true });
      }
    }
  } catch (error) {
    const problem = FS_ERRORS[(error as NodeJS.ErrnoException).code ?? ''];
    throw problem ? new StartupError(`Cannot use data directory ${dir}: ${problem}`) : error;
  }
  takenHere.add(path);
  return () => {
    takenHere.delete(path);
    rmSync(path, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
