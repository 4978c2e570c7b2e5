// The script run inside the fresh node:vm context: it builds a cell's scope (sql, fmt, log, lib,
// values) from JSON text, entirely out of the context's own objects, so no object of the worker's
// realm (whose Function constructor would reach `process`) is ever in the cell's hands.
// It mirrors session/code-scope.ts, which the browser sandbox uses directly.

/**
 * Evaluates to a function `(post, call, libNames) => { scope(json), deliver(id, json) }`:
 * `post(text)` sends a request out (sql/log) and returns its id; `call(name, json)` calls a recipe
 * library function synchronously and returns JSON text. Both are prototype-less and never throw.
 */
export const CONTEXT_SOURCE = String.raw`(function (post, call, libNames) {
  "use strict";
  const waiting = new Map();
  const rowsOf = (t) => {
    const n = t.data.length ? t.data[0].length : 0;
    const rows = new Array(n);
    for (let r = 0; r < n; r++) {
      const row = Object.create(null);
      for (let c = 0; c < t.columns.length; c++) row[t.columns[c].name] = t.data[c][r];
      rows[r] = row;
    }
    Object.defineProperty(rows, "columns", { value: t.columns, enumerable: false });
    return rows;
  };
  const paramOf = (v) => {
    if (v === undefined || v === null) return null;
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "bigint") return Number(v);
    if (v instanceof Date) return v.toISOString();
    return JSON.stringify(v);
  };
  const fmt = (v, digits = 2) => {
    if (typeof v === "number") return Number.isFinite(v) ? v.toLocaleString("en-US", { maximumFractionDigits: digits }) : String(v);
    if (v === null || v === undefined) return "";
    if (typeof v === "string") return v;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) return v.map((x) => fmt(x, digits)).join(", ");
    try {
      const text = JSON.stringify(v);
      return text === undefined ? String(v) : text.length > 500 ? text.slice(0, 500) + "…" : text;
    } catch (e) {
      return String(v);
    }
  };
  const ask = (message) =>
    new Promise((resolve, reject) => {
      const id = post(JSON.stringify(message));
      waiting.set(id, { resolve, reject });
    });
  const lib = Object.create(null);
  for (const name of JSON.parse(libNames)) {
    lib[name] = (...args) => {
      const out = JSON.parse(call(name, JSON.stringify(args)));
      if (out.error !== undefined) throw new Error(out.error);
      return out.value;
    };
  }
  Object.freeze(lib);
  const logLine = (...args) => void post(JSON.stringify({ type: "log", text: args.map((a) => fmt(a, 6)).join(" ") }));
  globalThis.console = Object.freeze({ log: logLine, info: logLine, warn: logLine, error: logLine });
  return {
    scope(json) {
      const request = JSON.parse(json);
      const values = Object.create(null);
      for (const name of Object.keys(request.inputs)) values[name] = request.inputs[name];
      for (const name of Object.keys(request.tables)) values[name] = rowsOf(request.tables[name]);
      return {
        sql: async (strings, ...params) => {
          if (typeof strings === "string") return rowsOf(await ask({ type: "sql", text: strings, params: params.map(paramOf) }));
          let text = strings[0];
          const bound = [];
          params.forEach((p, i) => {
            if (Array.isArray(p) && p.every((v) => v === null || typeof v !== "object")) {
              text += "[" + p.map(() => "?").join(", ") + "]";
              for (const v of p) bound.push(paramOf(v));
            } else {
              text += "?";
              bound.push(paramOf(p));
            }
            text += strings[i + 1];
          });
          return rowsOf(await ask({ type: "sql", text, params: bound }));
        },
        fmt,
        log: logLine,
        lib,
        values,
      };
    },
    deliver(id, json) {
      const w = waiting.get(id);
      if (!w) return;
      waiting.delete(id);
      const out = JSON.parse(json);
      if (out.error !== undefined) w.reject(new Error(out.error));
      else w.resolve(out.value);
    },
  };
})`;
