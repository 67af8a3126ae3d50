import { isRunning, processInfo } from "./processes";

/** npm's process title (`npm start`, `npm exec …`), or its script when a title is not shown. */
const NPM = /^npm(\s|$)|npm-cli\.js/;

/**
 * The processes that launched this one and that it should not outlive: with `npm start` the chain
 * up to npm (tsx, sh, npm), otherwise the parent alone. Nothing above npm is watched, so
 * `nohup npm start &` still outlives the shell that started it.
 */
export function launchers(): number[] {
  const chain: number[] = [];
  for (let pid = process.ppid; pid > 1 && chain.length < 8; ) {
    chain.push(pid);
    const info = processInfo(pid);
    if (!info) break;
    if (NPM.test(info.command)) return chain;
    pid = info.ppid;
  }
  return [process.ppid];
}

/**
 * Calls `onGone` once, as soon as one of the launchers has ended. A signal to the npm process does
 * not reach the stack (npm hands SIGTERM to `sh`, which dies without passing it on, and SIGHUP to
 * no one), so the stack watches them instead. Returns a function that stops watching.
 */
export function watchLaunchers(onGone: () => void, everyMs = 500): () => void {
  const watched = launchers();
  const timer = setInterval(() => {
    if (watched.every(isRunning)) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
