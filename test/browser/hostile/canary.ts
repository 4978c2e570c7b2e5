// The client data every case can load: a small `clients` table whose every row carries the canary,
// a token that must never show up outside the page (requests, saved files, the attacker's log).

/** The canary: lower-case letters and digits, so a notebook can also put it in a host name. */
export const CANARY = "canary7f3a9c51";

/** The client file the cases load, as the user would drop it (table `clients`). */
export const CLIENTS_CSV = {
  name: "clients.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(
    [
      "id,name,secret,amount",
      `1,Acme ${CANARY},${CANARY},120.5`,
      `2,Borealis ${CANARY},${CANARY},80`,
      `3,Cobalt ${CANARY},${CANARY},42`,
    ].join("\n") + "\n",
  ),
};

/** Whether `text` holds the canary in any spelling a leak would use (plain, URL- or base64-encoded). */
export function holdsCanary(text: string): boolean {
  const lower = text.toLowerCase();
  return lower.includes(CANARY) || text.includes(Buffer.from(CANARY).toString("base64").slice(0, 16));
}
