// The Chromium of the hostile suite: `*.evil.test` names go to the attacker and every other name fails
// to resolve (no case can reach a real site), and Chromium's net log records every request it starts,
// including those Playwright's request events miss; the log is read once the browser has closed.
import { chromium, type Browser } from "playwright-core";
import { readFileSync } from "node:fs";

/** A host name Chromium tried to reach, from its net log. */
export interface NetLogHost {
  /** Epoch milliseconds of the event. */
  readonly at: number;
  readonly host: string;
  /** The net log event type that named it. */
  readonly event: string;
}

/** Launches headless Chromium with the attacker's host-resolver rules and a net log at `netLog`. */
export function launchHostileChromium(attackerPort: number, netLog: string): Promise<Browser> {
  const attacker = `127.0.0.1:${attackerPort}`;
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--host-resolver-rules=MAP *.evil.test ${attacker}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`,
      `--log-net-log=${netLog}`,
      "--net-log-capture-mode=Default",
    ],
  });
}

const LOCAL = new Set(["127.0.0.1", "localhost", ""]);

// Parameters of net log events that name where a request goes (`host` may be "http://h:port" or "h").
function hostOf(key: string, value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (key === "host")
    return value
      .replace(/^[a-z]+:\/\//i, "")
      .replace(/:\d+$/, "")
      .replace(/^\[|\]$/g, "");
  try {
    const url = new URL(value);
    return /^(https?|wss?):$/.test(url.protocol) ? url.hostname : null;
  } catch {
    return null;
  }
}

const EVIL = /(^|\.)evil\.test$/;

/**
 * Every host the net log shows the pages reaching for (read after the browser closed): any event naming
 * an `evil.test` host, and any request a page, frame or worker started to another non-local host
 * (Chromium's own service requests, whose initiator is "not an origin", are not the app's).
 */
export function readNetLogHosts(netLog: string): NetLogHost[] {
  const raw = readFileSync(netLog, "utf8").trimEnd();
  // A browser that died mid-write leaves the events array open: close it so the rest still parses.
  const log = JSON.parse(raw.endsWith("}") ? raw : `${raw.replace(/,\s*$/, "")}]}`) as {
    constants: { logEventTypes: Record<string, number>; timeTickOffset: string | number };
    events: { type: number; time: string; params?: Record<string, unknown> }[];
  };
  const names = new Map(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]));
  const offset = Number(log.constants.timeTickOffset);
  const hosts: NetLogHost[] = [];
  for (const event of log.events) {
    for (const key of ["host", "url", "destination", "logical_destination"]) {
      const host = hostOf(key, event.params?.[key]);
      const fromPage = names.get(event.type) === "URL_REQUEST_START_JOB" && event.params?.initiator !== "not an origin";
      if (host !== null && !LOCAL.has(host) && (EVIL.test(host) || fromPage)) {
        hosts.push({ at: offset + Number(event.time), host, event: names.get(event.type) ?? String(event.type) });
      }
    }
  }
  return hosts;
}
