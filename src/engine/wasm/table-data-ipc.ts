// A cell-made table (TableData) as an Arrow IPC stream for duckdb-wasm's insertArrowFromIPCStream,
// built from buffers by arrow-build.ts (Arrow's builders need `new Function`, which the CSP refuses).
import { Bool, DateDay, Float64, Int32, Int64, Table, TimestampMillisecond, Utf8, tableToIPC } from "apache-arrow";
import type { TableData } from "../engine";
import { asText, checkTableData, dataTypeOf, type DataType } from "../table-data";
import { columnVector, type ColumnType } from "./arrow-build";

const arrowType = (t: DataType): ColumnType => {
  switch (t) {
    case "BOOLEAN":
      return new Bool();
    case "INTEGER":
      return new Int32();
    case "BIGINT":
      return new Int64();
    case "DOUBLE":
      return new Float64();
    case "DATE":
      return new DateDay();
    case "TIMESTAMP":
      return new TimestampMillisecond();
    default:
      return new Utf8();
  }
};

/** Encodes `data` as one Arrow IPC stream, typed per its columns. */
export function tableDataIpc(data: TableData): Uint8Array {
  checkTableData(data);
  const vectors = Object.fromEntries(
    data.columns.map((c, i) => {
      const type = dataTypeOf(c.type);
      return [c.name, columnVector(type === "VARCHAR" ? data.data[i].map(asText) : data.data[i], arrowType(type))];
    }),
  );
  return tableToIPC(new Table(vectors), "stream");
}
