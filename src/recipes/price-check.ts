// Whether the column mapped to "amount" is really a unit price: the table has a quantity, and the amount's header
// names a price rather than an amount, or its values do not grow with the quantity as line amounts do.
import { guessRoles, nameScore, normalizeHeader, type ColumnHint } from "./roles";

/** The least number of sample rows (with a non-zero quantity and amount) the value test needs. */
const MIN_ROWS = 8;
/** Line amounts rise with the quantity (log amount = log quantity + log price); unit prices do not. */
const MAX_PRICE_CORRELATION = 0.2;

/** The quantity column when "amount" is mapped to a column that looks like a unit price, else null. */
export function amountLooksLikePrice(
  roles: Readonly<Record<string, string>>,
  columns: readonly ColumnHint[],
  rows: readonly Readonly<Record<string, unknown>>[] = [],
): string | null {
  const amount = roles.amount;
  const quantity = roles.quantity || guessRoles(columns, "transactions").roles.quantity;
  if (!amount || !quantity || quantity === amount) return null;
  const header = normalizeHeader(amount);
  const priceHeader = nameScore("transactions", "unit_price", header) > nameScore("transactions", "amount", header);
  return priceHeader || valuesLookLikePrices(rows, amount, quantity) ? quantity : null;
}

/** Whether the sampled amounts do not rise with the quantities (log-log correlation at most 0.2). */
function valuesLookLikePrices(rows: readonly Readonly<Record<string, unknown>>[], amount: string, quantity: string) {
  const pairs = rows
    .map((r) => [Math.abs(Number(r[quantity])), Math.abs(Number(r[amount]))])
    .filter(([q, a]) => Number.isFinite(q) && Number.isFinite(a) && q > 0 && a > 0)
    .map(([q, a]) => [Math.log(q), Math.log(a)]);
  if (pairs.length < MIN_ROWS) return false;
  const mean = (i: number) => pairs.reduce((s, p) => s + p[i], 0) / pairs.length;
  const [mq, ma] = [mean(0), mean(1)];
  let [cov, vq, va] = [0, 0, 0];
  for (const [q, a] of pairs) {
    cov += (q - mq) * (a - ma);
    vq += (q - mq) ** 2;
    va += (a - ma) ** 2;
  }
  // Quantities that never vary say nothing about whether the amount follows them.
  if (vq === 0) return false;
  return va === 0 || cov / Math.sqrt(vq * va) <= MAX_PRICE_CORRELATION;
}
