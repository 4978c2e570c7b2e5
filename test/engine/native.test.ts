// The engine contract against native DuckDB (@duckdb/node-api), the engine of the CLI.
import { nativeEngine } from "../../src/engine/native/native-engine";
import { engineContract } from "./contract";

engineContract("native DuckDB", nativeEngine);
