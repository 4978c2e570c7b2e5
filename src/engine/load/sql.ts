// Quoting for the SQL the engine builds itself: the one rule in sql/ident.ts, re-exported here.
export { quoteIdent, quoteString } from "../../sql/ident";
