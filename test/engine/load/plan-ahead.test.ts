// planAhead and plannedLoad: a file's load planned before the engine is up is planned once, taken once.
import { describe, expect, it } from "vitest";
import { planAhead, plannedLoad } from "../../../src/engine/load/plan-ahead";
import type { FileSource } from "../../../src/engine/engine";

/** A source over `text` in a Blob that counts its reads (each plan reads the sample once). */
function counted(name: string, text: string): FileSource & { reads: number } {
  const data = new TextEncoder().encode(text);
  const source = {
    name,
    size: data.length,
    file: new Blob([data]),
    reads: 0,
    async read(s = 0, e = data.length) {
      source.reads++;
      return data.slice(s, e);
    },
  };
  return source;
}

const csv = "id;name;amount\n1;Ann;3,5\n2;Bob;4,25\n";

describe("planAhead(source) / plannedLoad(source, options)", () => {
  it("gives the load the plan made ahead, without reading the file again", async () => {
    const source = counted("orders.csv", csv);
    planAhead(source);
    planAhead(source);
    expect(source.reads).toBe(1);
    const plan = await plannedLoad(source);
    expect(source.reads).toBe(1);
    expect(plan.format).toBe("csv");
    expect(plan.dialect?.delimiter).toBe(";");
  });

  it("plans anew once the plan made ahead was taken, and for another encoding", async () => {
    const source = counted("orders.csv", csv);
    planAhead(source);
    await plannedLoad(source);
    await plannedLoad(source);
    expect(source.reads).toBe(2);
    planAhead(source);
    const latin = await plannedLoad(source, { encoding: "windows-1252" });
    expect(source.reads).toBe(4);
    expect(latin.encoding).toBe("windows-1252");
    // The default plan made ahead is still there for a load with no encoding chosen.
    await plannedLoad(source);
    expect(source.reads).toBe(4);
  });

  it("reports a bad file's error at its load, not when it was planned", async () => {
    const source = counted("empty.csv", "");
    planAhead(source);
    await expect(plannedLoad(source)).rejects.toThrow(/empty file/);
  });

  it("plans a source with no browser file (Node) when its load asks", async () => {
    const source = { ...counted("orders.csv", csv), file: undefined };
    planAhead(source);
    expect(source.reads).toBe(0);
    expect((await plannedLoad(source)).format).toBe("csv");
  });
});
