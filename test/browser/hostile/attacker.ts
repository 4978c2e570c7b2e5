// The attacker: an HTTP server on its own 127.0.0.1 port that answers everything and records every
// request it receives. Chromium sends every `*.evil.test` name here, so any request it sees is a leak.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One request that reached the attacker. */
export interface AttackerHit {
  /** Epoch milliseconds when it arrived. */
  readonly at: number;
  readonly method: string;
  /** The Host header: the name the page thought it was talking to. */
  readonly host: string;
  readonly url: string;
  readonly body: string;
}

/** A running attacker server. */
export interface Attacker {
  readonly port: number;
  /** Every request received so far, in order. */
  readonly hits: readonly AttackerHit[];
  close(): Promise<void>;
}

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((done) => {
    const parts: Buffer[] = [];
    req.on("data", (chunk: Buffer) => parts.push(chunk));
    req.on("end", () => done(Buffer.concat(parts).toString("utf8").slice(0, 10_000)));
    req.on("error", () => done(""));
  });

/** Starts the attacker server on a random 127.0.0.1 port. */
export async function startAttacker(): Promise<Attacker> {
  const hits: AttackerHit[] = [];
  const server = createServer(async (req, res) => {
    const at = Date.now();
    const body = await bodyOf(req);
    hits.push({ at, method: req.method ?? "", host: req.headers.host ?? "", url: req.url ?? "", body });
    // A generous answer (any origin, a CSV, a script) so that nothing fails for want of a reply.
    const headers = { "Access-Control-Allow-Origin": "*", "Content-Type": "text/plain", "Cache-Control": "no-store" };
    res.writeHead(200, headers);
    res.end("a,b\n1,2\n");
  });
  // A connection is recorded even when no HTTP request follows (a TLS handshake to this plain server).
  server.on("connection", () => hits.push({ at: Date.now(), method: "CONNECT", host: "", url: "", body: "" }));
  // A WebSocket upgrade is a request too: it is recorded, then refused.
  server.on("upgrade", (req, socket) => {
    hits.push({ at: Date.now(), method: "UPGRADE", host: req.headers.host ?? "", url: req.url ?? "", body: "" });
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
