// Header words that rule a column out of a role even when its name matches: an order number is not a customer,
// a unit price or a surcharge is not an amount, a delivery date is not the purchase date.

/** Words naming another thing: a customer id is never the id of an order, a line, a response or a product. */
const OTHER_ENTITY = [
  "order", "invoice", "line", "detail", "row", "transaction", "response", "respondent", "basket", "receipt", "ticket", "payment",
  "item", "product", "sku", "stock", "dish", "dishes", "table", "store", "shop", "seller", "merchant", "cashier", "pc", "org", "info",
  "collector", "session", "deal", "opportunity", "shipment", "tracking", "record number", "sales record",
  "订单", "单号", "流水", "明细", "商品", "支付", "发票", "单据", "商机", "物流",
  "auftrag", "bestell", "rechnung", "beleg", "commande", "facture", "pedido", "factura",
];

/** Words that make a number something other than the money of a sale. */
const NOT_MONEY = [
  "price", "unit", "discount", "tax", "taxes", "shipping", "freight", "fee", "fees", "surcharge", "refund", "refunded", "tip", "charge",
  "number", "no", "nr", "id", "code", "count", "qty", "quantity", "rate", "percent", "probability", "score", "point", "points", "paid",
  "单价", "优惠", "运费", "邮费", "税", "折扣", "积分", "已收", "数量",
  "preis", "steuer", "versand", "rabatt", "prix", "frais", "tva", "remise", "precio", "iva", "descuento", "envio",
];

/** Dates of later events in an order's life: not when the purchase happened. */
const NOT_PURCHASE_DATE = [
  "delivered", "delivery", "ship", "shipping", "shipped", "estimated", "approved", "due", "lock", "closed", "updated", "modified",
  "birth", "last", "limit", "expected", "到期", "发货", "收货", "Lieferdatum", "Versanddatum", "Fälligkeit", "livraison", "envio",
];

/** A deal's id is not its name, owner, stage or value. */
const NOT_DEAL_ID = ["name", "title", "owner", "stage", "status", "value", "amount", "currency", "created", "date", "reason", "source", "type", "probability", "名称"];

/** Vetoes per role; a `kind.role` key overrides the plain role key for that table kind. */
export const ROLE_VETOES: Readonly<Record<string, readonly string[]>> = {
  customer_id: OTHER_ENTITY,
  "transactions.amount": NOT_MONEY,
  "receivables.amount": NOT_MONEY,
  "deals.amount": NOT_MONEY,
  "transactions.date": NOT_PURCHASE_DATE,
  deal_id: NOT_DEAL_ID,
};

/** The veto words for `role` in a table of `kind`. */
export function vetoesFor(kind: string, role: string): readonly string[] {
  return ROLE_VETOES[`${kind}.${role}`] ?? ROLE_VETOES[role] ?? [];
}
