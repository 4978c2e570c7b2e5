// The browser CodeRunner: one hidden notebook sandbox frame whose classic blob: Workers run ts cells,
// a fresh Worker and a fresh MessageChannel for every run, so no code can answer for a run that is not
// its own. The shell side lives here: it checks every Worker message (code-protocol.ts, plain-value.ts),
// answers `sql` through the session's CodeHost, drops (and logs) messages of other runs, and stops code
// by ending its Worker.
import { CodeError, type CodeHost, type CodeRequest, type CodeRunner } from "../code/runner";
import { codeMessages as cm } from "../messages/code";
import { getLocale } from "../messages/locale";
import { ui } from "../messages/ui";
import { asWorkerMessage, type FromWorker, type ToWorker } from "./code-protocol";
import { plainValueProblem } from "../code/plain-value";
import { asSandboxMessage } from "./protocol";
import { bootFrame, prepareFrame, SANDBOX_READY_MS } from "./frame-script";

/** Where the sandbox frame goes and which document it loads. */
export interface SandboxRunnerOptions {
  /** The element the hidden frame is appended to (default: document.body). */
  readonly parent?: HTMLElement;
  /** How long a new frame may take to say `ready` before the run fails (default SANDBOX_READY_MS). */
  readonly readyTimeoutMs?: number;
  /** Told of messages dropped: on a finished run's channel, or naming another run (default: console.warn). */
  readonly onDropped?: (text: string) => void;
}

interface Running {
  readonly id: number;
  /** The shell's end of this run's own channel. */
  readonly port: MessagePort;
  /** How many of this run's messages were dropped (only the first few are logged: a flood must not flood the log). */
  dropped: number;
  readonly host: CodeHost;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** How many dropped messages of one run are logged. */
const MAX_DROPS_LOGGED = 5;

const newToken = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/** The browser CodeRunner, which can also start over with a fresh sandbox. */
export interface SandboxRunner extends CodeRunner {
  /** Drops the sandbox frame (and whatever a notebook's code left in its Worker); the next run makes a new one. */
  reset(): void;
}

/** Creates the browser CodeRunner; its sandbox frame is made on the first run. */
export function sandboxRunner(options: SandboxRunnerOptions = {}): SandboxRunner {
  const dropped = options.onDropped ?? ((text: string) => console.warn(text));
  let frame: HTMLIFrameElement | undefined;
  let token = "";
  let loads = 0;
  let ready: Promise<void> | undefined;
  let markReady: (() => void) | undefined;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;
  let current: Running | undefined;
  let runs = 0;
  let closed = false;

  function onWindowMessage(event: MessageEvent): void {
    if (!frame || event.source !== frame.contentWindow) return;
    const message = asSandboxMessage(event.data);
    if (message?.type === "clientbook:ready" && message.token === token) {
      clearTimeout(readyTimer);
      markReady?.();
    }
  }

  function makeFrame(): Promise<void> {
    token = newToken();
    loads = 0;
    const made = document.createElement("iframe");
    prepareFrame(made, token);
    made.setAttribute("aria-hidden", "true");
    made.tabIndex = -1;
    made.dataset.role = "code-sandbox";
    made.title = ui.codeSandboxTitle;
    made.style.display = "none";
    // The sandbox never navigates; a second document in the frame (it followed a link somehow)
    // gets nothing: the frame is replaced and the run in flight fails.
    let refuse: (error: Error) => void = () => undefined;
    made.addEventListener("load", () => {
      if (++loads === 1) {
        bootFrame(made, "code").catch((error: unknown) =>
          refuse(new CodeError(ui.codeSandboxScriptFailed(String(error)))),
        );
      } else if (frame === made) {
        fail(new CodeError(ui.codeSandboxReloaded));
        dropFrame();
      }
    });
    frame = made;
    const done = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      refuse = reject;
    });
    // A frame that never says `ready` (its script did not run) must not leave the cell waiting forever.
    const limit = options.readyTimeoutMs ?? SANDBOX_READY_MS;
    clearTimeout(readyTimer);
    readyTimer = setTimeout(() => refuse(new CodeError(ui.codeSandboxNotReady(Math.round(limit / 1000)))), limit);
    (options.parent ?? document.body).append(made);
    return done;
  }

  const kindOf = (data: unknown) => String((data as { type?: unknown } | null)?.type ?? typeof data).slice(0, 40);

  const drop = (run: Running, text: string) => {
    if (run.dropped++ < MAX_DROPS_LOGGED) dropped(text);
  };

  /**
   * Ends a run: its Worker is ended (timers and all, so nothing it left behind keeps talking), and a
   * message still in flight on its channel is dropped and logged, after which the channel is closed.
   */
  function retire(run: Running): void {
    if (current === run) current = undefined;
    frame?.contentWindow?.postMessage({ type: "clientbook:stop-code" }, "*");
    run.port.onmessage = (event) => {
      drop(run, cm.droppedMessage(kindOf(event.data), cm.staleChannel));
      run.port.close();
    };
  }

  function onWorkerMessage(run: Running, data: unknown): void {
    const message: FromWorker | null = asWorkerMessage(data);
    if (!message) return drop(run, cm.droppedMessage(kindOf(data), cm.notAllowed));
    if (current !== run) return drop(run, cm.droppedMessage(message.type, cm.staleChannel));
    if (message.run !== run.id) return drop(run, cm.droppedMessage(message.type, cm.foreignRun));
    switch (message.type) {
      case "sql":
        run.host.sql(message.text, message.params).then(
          (table) => {
            if (current === run) send(run, { type: "sql-result", id: message.id, table });
          },
          (error: unknown) => {
            if (current === run)
              send(run, {
                type: "sql-error",
                id: message.id,
                message: error instanceof Error ? error.message : String(error),
              });
          },
        );
        return;
      case "log":
        run.host.log?.(message.text);
        return;
      case "done": {
        retire(run);
        if ("rows" in message) {
          // The rows check reads Arrow, which the page loads with the engine, not before its first chart.
          const rows = message.rows;
          import("../code/cell-result").then(({ acceptRows }) => run.resolve(acceptRows(rows))).catch(run.reject);
          return;
        }
        const problem = plainValueProblem(message.value);
        if (problem) run.reject(new CodeError(cm.valueRefused(problem)));
        else run.resolve(message.value);
        return;
      }
      case "error":
        retire(run);
        run.reject(new CodeError(message.message, message.line, message.column));
        return;
    }
  }

  function send(run: Running, message: ToWorker): void {
    run.port.postMessage(message);
  }

  /** Fails the current run with `error` (its Worker is ended: it may be spinning). */
  function fail(error: Error): void {
    const run = current;
    if (!run) return;
    retire(run);
    run.reject(error);
  }

  function dropFrame(): void {
    clearTimeout(readyTimer);
    markReady?.();
    markReady = undefined;
    frame?.remove();
    frame = undefined;
    ready = undefined;
  }

  function stop(): void {
    fail(new CodeError(ui.codeStopped));
  }

  window.addEventListener("message", onWindowMessage);

  return {
    async run(request: CodeRequest, host: CodeHost, signal: AbortSignal): Promise<unknown> {
      if (closed) throw new CodeError(ui.codeRunnerClosed);
      if (signal.aborted) throw signal.reason;
      // A frame dropped while it loaded (reset) releases its waiters, which then wait for a new one.
      for (;;) {
        const waiting = (ready ??= makeFrame());
        try {
          await waiting;
        } catch (error) {
          // The frame did not start: the next run tries a new one.
          if (waiting === ready) dropFrame();
          throw error;
        }
        if (closed) throw new CodeError(ui.codeRunnerClosed);
        if (signal.aborted) throw signal.reason;
        if (waiting === ready && frame) break;
      }
      // Runs do not overlap; one still going (a caller that did not wait) is stopped first.
      if (current) stop();
      const id = ++runs;
      const channel = new MessageChannel();
      return new Promise<unknown>((resolve, reject) => {
        const onAbort = () => {
          // A superseded run may be an endless loop: end its Worker rather than let it burn a core.
          if (current?.id === id) fail(signal.reason);
        };
        const settle =
          <T>(f: (v: T) => void) =>
          (v: T) => {
            signal.removeEventListener("abort", onAbort);
            f(v);
          };
        const run: Running = {
          id,
          port: channel.port1,
          dropped: 0,
          host,
          resolve: settle(resolve),
          reject: settle(reject),
        };
        current = run;
        channel.port1.onmessage = (event) => onWorkerMessage(run, event.data);
        signal.addEventListener("abort", onAbort, { once: true });
        // The sandbox ends the last run's Worker and gives a fresh one this run's port.
        frame?.contentWindow?.postMessage({ type: "clientbook:run-code" }, "*", [channel.port2]);
        try {
          const { cell, js, inputs, tables } = request;
          send(run, {
            type: "run",
            run: id,
            cell,
            js,
            inputs,
            tables,
            rows: request.rows === true,
            locale: getLocale(),
          });
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
