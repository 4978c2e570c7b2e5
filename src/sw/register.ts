// The page's side of the offline copy: registers sw.js, says when the copy is complete, when a new
// deployment waits for the next visit, and when this visit runs a newer one than the last.

/** What the page hears about the offline copy. */
export interface OfflineHooks {
  /** The offline copy is complete: the app now starts without a network. */
  readonly ready: () => void;
  /** A new deployment is stored; it starts at the next visit, this page keeps the one it runs. */
  readonly waiting: () => void;
  /** This visit runs a newer deployment than the last visit in this browser did. */
  readonly updated: () => void;
}

// Only a version hash: which deployment this browser last ran, to say "new version" once.
const SEEN = "clientbook.offline-version";

function versionOf(worker: ServiceWorker): Promise<string> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(String(event.data));
    worker.postMessage("version", [channel.port2]);
  });
}

function watchUpdates(registration: ServiceWorkerRegistration, waiting: () => void): void {
  // With no controller this is the first install, not an update.
  const controlled = () => navigator.serviceWorker.controller !== null;
  if (registration.waiting && controlled()) waiting();
  registration.addEventListener("updatefound", () => {
    const next = registration.installing;
    next?.addEventListener("statechange", () => {
      if (next.state === "installed" && controlled()) waiting();
    });
  });
}

/** Registers the service worker next to the page (same folder, same scope) and reports on the offline copy. */
export async function keepOffline(hooks: OfflineHooks): Promise<void> {
  const container = navigator.serviceWorker;
  if (!container) return;
  const registration: ServiceWorkerRegistration | undefined = await container.register("./sw.js", { scope: "./" });
  // Some embedders (test browsers with service workers blocked) resolve with no registration at all.
  if (!registration) return;
  watchUpdates(registration, hooks.waiting);
  const active = (await container.ready).active;
  if (!active) return;
  hooks.ready();
  const version = await versionOf(active);
  const seen = localStorage.getItem(SEEN);
  if (seen && seen !== version) hooks.updated();
  localStorage.setItem(SEEN, version);
}
