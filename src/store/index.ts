// What other parts of the app use of the browser store: list, delete and erase stored notebooks and
// kept tables ("Recent notebooks", "Reset to original", "Erase my data").
export {
  deleteStoredNotebook,
  eraseStoredData,
  getStoredNotebook,
  linkedNotebookId,
  listStoredNotebooks,
  storedNotebookCount,
  type StoredNotebook,
  type StoredSummary,
} from "./notebooks";
export { dropKeptTables, keptTableCount } from "./tables";
export { lastResultsCount } from "./last-results";
