// One tab at a time writes a stored notebook: a Web Lock named after the notebook, held while the tab
// has it open, so a second tab is told instead of silently overwriting the first one's edits.

/** Releases a held notebook lock. */
export type Release = () => void;

/** Takes the lock of a stored notebook if no other tab holds it; undefined when another tab does. */
export function claimNotebook(id: string): Promise<Release | undefined> {
  // Without Web Locks (an insecure context) there is no way to know: the tab writes as before.
  if (!("locks" in navigator)) return Promise.resolve(() => undefined);
  return new Promise((resolve) => {
    void navigator.locks.request(`clientbook:notebook:${id}`, { ifAvailable: true }, (lock) => {
      if (!lock) return resolve(undefined);
      return new Promise<void>((release) => resolve(release));
    });
  });
}
