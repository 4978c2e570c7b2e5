// One operation at a time per connection: DuckDB connections are not safe for concurrent use,
// and the notebook's runtime may fire queries while a file loads.

/** Returns a runner that starts each task only after the previous one settled. */
export function serialize(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}
