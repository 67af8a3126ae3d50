import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** What the local stack needs to know of another process: its parent and its command line. */
export interface ProcessInfo {
  ppid: number;
  /** The arguments joined by spaces (the process title where a program sets one, as npm does). */
  command: string;
}

/** The process `pid`, or undefined when it has ended (a zombie counts as ended). */
export function processInfo(pid: number): ProcessInfo | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return process.platform === "linux" ? fromProc(pid) : fromPs(pid);
}

function fromProc(pid: number): ProcessInfo | undefined {
  try {
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (state === "Z" || state === "X") return undefined;
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0$/, "").replaceAll("\0", " ");
    return { ppid: Number(ppid), command };
  } catch {
    return undefined;
  }
}

function fromPs(pid: number): ProcessInfo | undefined {
  const ps = spawnSync("ps", ["-o", "ppid=,stat=,command=", "-p", String(pid)], { encoding: "utf8" });
  const match = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(ps.stdout ?? "");
  if (ps.status !== 0 || !match || match[2]!.startsWith("Z")) return undefined;
  return { ppid: Number(match[1]), command: match[3]!.trim() };
}

/** Whether `pid` still runs; cheap enough to poll (on Linux a zombie counts as ended). */
export function isRunning(pid: number): boolean {
  if (process.platform === "linux") return fromProc(pid) !== undefined;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
