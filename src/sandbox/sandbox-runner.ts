// The browser CodeRunner: one hidden notebook sandbox frame whose classic blob: Worker runs ts cells.
// The shell side of the MessageChannel lives here: it checks every Worker message (code-protocol.ts,
// plain-value.ts), answers `sql` through the session's CodeHost, and stops code by replacing the Worker.
import { CodeError, type CodeHost, type CodeRequest, type CodeRunner } from "../code/runner";
import { ui } from "../messages/ui";
import { asWorkerMessage, type FromWorker, type ToWorker } from "./code-protocol";
import { plainValueProblem } from "./plain-value";
import { asSandboxMessage } from "./protocol";

/** Where the sandbox frame goes and which document it loads. */
export interface SandboxRunnerOptions {
  /** The element the hidden frame is appended to (default: document.body). */
  readonly parent?: HTMLElement;
  /** The sandbox document (default: `sandbox.html`, next to the app). */
  readonly src?: string;
}

interface Running {
  readonly id: number;
  readonly host: CodeHost;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

const newToken = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/** The browser CodeRunner, which can also start over with a fresh sandbox. */
export interface SandboxRunner extends CodeRunner {
  /** Drops the sandbox frame (and whatever a notebook's code left in its Worker); the next run makes a new one. */
  reset(): void;
}

/** Creates the browser CodeRunner; its sandbox frame is made on the first run. */
export function sandboxRunner(options: SandboxRunnerOptions = {}): SandboxRunner {
  let frame: HTMLIFrameElement | undefined;
  let token = "";
  let loads = 0;
  let ready: Promise<void> | undefined;
  let markReady: (() => void) | undefined;
  let port: MessagePort | undefined;
  let current: Running | undefined;
  let runs = 0;
  let closed = false;

  function onWindowMessage(event: MessageEvent): void {
    if (!frame || event.source !== frame.contentWindow) return;
    const message = asSandboxMessage(event.data);
    if (message?.type === "clientbook:ready" && message.token === token) {
      startWorker();
      markReady?.();
    }
  }

  function makeFrame(): Promise<void> {
    token = newToken();
    loads = 0;
    const made = document.createElement("iframe");
    made.setAttribute("sandbox", "allow-scripts");
    made.setAttribute("referrerpolicy", "no-referrer");
    made.setAttribute("aria-hidden", "true");
    made.tabIndex = -1;
    made.dataset.role = "code-sandbox";
    made.title = ui.codeSandboxTitle;
    made.style.display = "none";
    // The sandbox never navigates; a second document in the frame (it followed a link somehow)
    // gets nothing: the frame is replaced and the run in flight fails.
    made.addEventListener("load", () => {
      if (++loads > 1 && frame === made) {
        fail(new CodeError(ui.codeSandboxReloaded));
        dropFrame();
      }
    });
    made.src = `${options.src ?? "sandbox.html"}#${token}`;
    frame = made;
    const done = new Promise<void>((resolve) => (markReady = resolve));
    (options.parent ?? document.body).append(made);
    return done;
  }

  /** Starts a fresh Worker in the frame on a new channel; the old Worker (if any) is terminated. */
  function startWorker(): void {
    port?.close();
    const channel = new MessageChannel();
    port = channel.port1;
    const mine = port;
    port.onmessage = (event) => {
      if (port === mine) onWorkerMessage(event.data);
    };
    frame?.contentWindow?.postMessage({ type: "clientbook:start-code" }, "*", [channel.port2]);
  }

  function send(message: ToWorker): void {
    port?.postMessage(message);
  }

  function onWorkerMessage(data: unknown): void {
    const message: FromWorker | null = asWorkerMessage(data);
    const run = current;
    // Messages of a run that was stopped or dropped are ignored.
    if (!message || !run || message.run !== run.id) return;
    switch (message.type) {
      case "sql":
        run.host.sql(message.text, message.params).then(
          (table) => {
            if (current === run) send({ type: "sql-result", id: message.id, table });
          },
          (error: unknown) => {
            if (current === run) send({ type: "sql-error", id: message.id, message: error instanceof Error ? error.message : String(error) });
          },
        );
        return;
      case "log":
        run.host.log?.(message.text);
        return;
      case "done": {
        current = undefined;
        const problem = plainValueProblem(message.value);
        if (problem) run.reject(new CodeError(ui.codeValueRefused(problem)));
        else run.resolve(message.value);
        return;
      }
      case "error":
        current = undefined;
        run.reject(new CodeError(message.message, message.line, message.column));
        return;
    }
  }

  function fail(error: Error): void {
    const run = current;
    current = undefined;
    run?.reject(error);
  }

  function dropFrame(): void {
    markReady?.();
    markReady = undefined;
    port?.close();
    port = undefined;
    frame?.remove();
    frame = undefined;
    ready = undefined;
  }

  function stop(): void {
    if (!current) return;
    fail(new CodeError(ui.codeStopped));
    if (frame) startWorker();
  }

  window.addEventListener("message", onWindowMessage);

  return {
    async run(request: CodeRequest, host: CodeHost, signal: AbortSignal): Promise<unknown> {
      if (closed) throw new CodeError(ui.codeRunnerClosed);
      if (signal.aborted) throw signal.reason;
      // A frame dropped while it loaded (reset) releases its waiters, which then wait for a new one.
      for (;;) {
        const waiting = (ready ??= makeFrame());
        await waiting;
        if (closed) throw new CodeError(ui.codeRunnerClosed);
        if (signal.aborted) throw signal.reason;
        if (waiting === ready && port) break;
      }
      // Runs do not overlap; one still going (a caller that did not wait) is stopped first.
      if (current) stop();
      const id = ++runs;
      return new Promise<unknown>((resolve, reject) => {
        const onAbort = () => {
          if (current?.id !== id) return;
          // A superseded run may be an endless loop: kill it rather than let it burn a core.
          current = undefined;
          startWorker();
          reject(signal.reason);
        };
        const settle = <T>(f: (v: T) => void) => (v: T) => {
          signal.removeEventListener("abort", onAbort);
          f(v);
        };
        current = { id, host, resolve: settle(resolve), reject: settle(reject) };
        signal.addEventListener("abort", onAbort, { once: true });
        try {
          send({ type: "run", run: id, cell: request.cell, js: request.js, inputs: request.inputs, tables: request.tables });
        } catch (error) {
          // An input that cannot be structured-cloned.
          fail(new CodeError(ui.codeInputRefused(error instanceof Error ? error.message : String(error))));
        }
      });
    },
    stop,
    reset(): void {
      fail(new CodeError(ui.codeStopped));
      dropFrame();
    },
    close(): void {
      closed = true;
      fail(new CodeError(ui.codeRunnerClosed));
      window.removeEventListener("message", onWindowMessage);
      dropFrame();
    },
  };
}
