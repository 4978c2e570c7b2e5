// DuckDB's memory in use and its limit, read with plain SQL so both engines share it; the data panel
// shows them and the loader checks a file against them before reading it.
import type { MemoryUse } from "./engine";
import { parseSize, wasmAddressSpace } from "./load/fit";
import type { Exec } from "./profile";

/** DuckDB's memory in use (every buffer it manages) and its `memory_limit`, capped at `ceiling`. */
export async function memoryUse(exec: Exec, ceiling = wasmAddressSpace): Promise<MemoryUse> {
  const result = await exec(
    "SELECT (SELECT sum(memory_usage_bytes) FROM duckdb_memory())::DOUBLE AS used, " +
      "current_setting('memory_limit') AS limit_text",
    { quick: true },
  );
  const used = Number(result.column(0)[0] ?? 0);
  const limit = parseSize(String(result.column(1)[0]));
  return { used, limit: Number.isFinite(limit) ? Math.min(limit, ceiling) : ceiling };
}
