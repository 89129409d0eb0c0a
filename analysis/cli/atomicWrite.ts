import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { chmod, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Every file the command line and the app write goes through here: the bytes go to a temporary file
 * in the same folder (same file system, so the rename is atomic), are flushed to disk, and the
 * temporary file is renamed over the target. A crash, a full disk or a killed process leaves either
 * the old file or the new one, never half of one, and no temporary file behind (a failed write
 * removes it). The folder itself is not fsynced: after a power cut the rename may be lost, which
 * leaves the old file, whole.
 */

/**
 * The file actually written: a symbolic link is followed (the link stays a link and its target gets
 * the new content, as a plain write would do), a missing file is written as named.
 */
function targetOf(path: string): { target: string; mode?: number; stream?: boolean } {
  try {
    const target = realpathSync(path);
    const st = statSync(target);
    // A device or a pipe (--out /dev/stdout, /dev/null, a FIFO) is written to, never replaced: a rename
    // over /dev/null would put a plain file in its place for every program on the machine.
    if (!st.isFile()) return { target, stream: true };
    return { target, mode: st.mode & 0o7777 };
  } catch {
    return { target: path };
  }
}

/** A hidden, unique name beside the target, so a left-over (after a power cut) is recognisable. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

const bytesOf = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

/** Writes `data` to `path` atomically (synchronous: the command line). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const { target, mode, stream } = targetOf(path);
  if (stream) return writeFileSync(target, bytesOf(data));
  const temp = tempPathFor(target);
  try {
    const fd = openSync(temp, 'wx', 0o666);
    try {
      const bytes = bytesOf(data);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // An existing file keeps its permissions (a results file shared read-only with others, say).
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** Writes `data` to `path` atomically (asynchronous: the app's main process, which must not block). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const { target, mode, stream } = targetOf(path);
  if (stream) return writeFile(target, bytesOf(data));
  const temp = tempPathFor(target);
  try {
    const file = await open(temp, 'wx', 0o666);
    try {
      await file.writeFile(bytesOf(data));
      await file.sync();
    } finally {
      await file.close();
    }
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
