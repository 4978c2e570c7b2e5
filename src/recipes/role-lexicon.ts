// Header names that usually mean a role, in the languages client exports come in (en, zh, de, fr, es).
// Entries are written naturally; roles.ts normalizes both sides (case, accents, punctuation) before matching.

/** Header names for one role: `strong` ones name it outright, `weak` ones only hint at it. */
export interface RoleWords {
  readonly strong: readonly string[];
  readonly weak?: readonly string[];
}

const CUSTOMER_ID: RoleWords = {
  strong: [
    "customer_id", "customer id", "customer no", "customer number", "customer nr", "customer code", "customer key",
    "cust id", "custid", "client id", "client no", "client number", "client code", "account id", "account number",
    "member id", "buyer id", "debtor id", "debitor", "cust no", "cust", "masterid", "master id", "user id", "userid", "household key",
    "household", "visitor id", "visitorid", "member", "buyer", "buyer username", "person id", "external reference", "sold to party",
    "payer", "email", "email address", "e mail", "do not modify account",
    "客户编号", "客户ID", "客户代码", "客户号", "客户编码", "客户账号", "会员ID", "会员编号", "会员号", "会员卡号", "会员名", "买家会员名", "会员", "买家",
    "客户",
    "Kunden-Nr", "Kunden-Nr.", "Kundennr", "Kundennummer", "Kunden-ID", "KundenID", "Kd.-Nr.", "KdNr", "Kunde", "Debitor", "Debitorennummer",
    "Auftraggeber", "Regulierer",
    "N° client", "Nº client", "No client", "Num client", "Numéro client", "Numéro de client", "Code client", "ID client", "Identifiant client", "Client",
    "Cliente", "ID cliente", "Id de cliente", "Código cliente", "Código de cliente", "Número de cliente", "Nº cliente", "N° cliente", "Num cliente",
    "customer", "client",
  ],
  weak: [
    "客户名称", "customer name", "client name", "Kundenname", "Nom client", "Nombre cliente", "account", "company", "Firma", "Empresa", "Société",
    "contact", "contact name", "recipient email", "id",
  ],
};

const TX_DATE: RoleWords = {
  strong: [
    "date", "order date", "orderdate", "purchase date", "transaction date", "invoice date", "sale date", "sales date", "booking date",
    "billing date", "purchase timestamp", "purchase time", "order time", "transaction time", "created at", "order created",
    "日期", "订单日期", "下单日期", "交易日期", "购买日期", "销售日期", "开票日期", "下单时间", "交易时间", "订单时间", "订单创建时间", "消费时间",
    "Fakturadatum",
    "Datum", "Bestelldatum", "Auftragsdatum", "Belegdatum", "Rechnungsdatum", "Buchungsdatum", "Kaufdatum", "Verkaufsdatum",
    "Date de commande", "Date commande", "Date facture", "Date de facture", "Date d'achat", "Date de vente",
    "Fecha", "Fecha de pedido", "Fecha pedido", "Fecha de compra", "Fecha factura", "Fecha de factura", "Fecha de venta",
  ],
  weak: ["time", "timestamp", "day", "created", "start time", "paid at", "时间", "Zeitpunkt", "Tag", "Jour", "Día"],
};

const TX_AMOUNT: RoleWords = {
  strong: [
    "amount", "revenue", "sales", "sales amount", "net sales", "net amount", "order value", "order amount", "turnover", "spend",
    "payable", "amount payable", "expenditure", "total", "order total", "grand total", "total price", "gross", "net", "gross amount",
    "sales value", "net value", "untaxed amount", "paid amount", "amount paid",
    "金额", "销售额", "订单金额", "实付金额", "交易金额", "收入", "营业额", "销售金额", "消费金额", "价税合计", "无税金额", "实收金额", "支付金额",
    "Umsatz", "Betrag", "Nettoumsatz", "Nettobetrag", "Bruttobetrag", "Rechnungsbetrag", "Auftragswert", "Umsatz netto", "Nettowert",
    "Gesamtbetrag",
    "Montant", "Chiffre d'affaires", "CA", "Montant HT", "Montant TTC", "Ventes",
    "Importe", "Monto", "Ventas", "Facturación", "Importe neto", "Monto total",
  ],
  weak: ["value", "sum", "subtotal", "应付金额", "Wert", "Summe", "Valeur", "Valor", "总计"],
};

const MARGIN: RoleWords = {
  strong: [
    "margin", "gross margin", "profit", "gross profit", "contribution margin", "contribution",
    "毛利", "毛利额", "利润", "毛利润",
    "Marge", "Deckungsbeitrag", "DB", "DB1", "Rohertrag", "Gewinn", "Rohgewinn",
    "Marge brute", "Bénéfice",
    "Margen", "Margen bruto", "Beneficio", "Utilidad",
  ],
};

const SIZE: RoleWords = {
  strong: [
    "size", "company size", "annual revenue", "annual sales", "employees", "headcount", "number of employees",
    "规模", "年营业额", "年销售额", "员工人数", "员工数",
    "Größe", "Groesse", "Unternehmensgröße", "Jahresumsatz", "Mitarbeiter", "Mitarbeiterzahl", "Anzahl Mitarbeiter",
    "Taille", "CA annuel", "Chiffre d'affaires annuel", "Effectif", "Effectifs",
    "Tamaño", "Facturación anual", "Ventas anuales", "Empleados", "Número de empleados",
  ],
  weak: ["revenue", "turnover", "Umsatz", "营业额"],
};

/** Header words per role; a `kind.role` key overrides the plain role key for that table kind. */
export const ROLE_LEXICON: Readonly<Record<string, RoleWords>> = {
  customer_id: CUSTOMER_ID,
  "transactions.date": TX_DATE,
  "transactions.amount": TX_AMOUNT,
  margin: MARGIN,
  cost: { strong: ["cost", "costs", "cogs", "cost of goods", "成本", "Kosten", "Einstandspreis", "Wareneinsatz", "Coût", "Coûts", "Costo", "Coste"] },
  quantity: { strong: ["quantity", "qty", "units", "count", "数量", "件数", "Menge", "Anzahl", "Stück", "Quantité", "Qté", "Cantidad", "Unidades"] },
  order_id: {
    strong: [
      "order_id", "order id", "order no", "order number", "invoice id", "invoice no", "invoice number", "transaction id", "receipt",
      "invoice", "billing document", "order reference", "basket id", "basket", "info id", "ticket",
      "订单号", "订单编号", "单号", "发票号", "交易编号", "流水号", "单据编号",
      "Auftragsnummer", "Auftrags-Nr", "Bestellnummer", "Bestell-Nr", "Belegnummer", "Beleg-Nr", "Rechnungsnummer", "Rechnungs-Nr", "Faktura",
      "N° commande", "Numéro de commande", "N° facture", "Numéro de facture", "Commande", "N° de commande", "Référence", "N° pièce",
      "Pedido", "Número de pedido", "Nº pedido", "Factura", "Número de factura",
    ],
  },
  product: { strong: ["product", "product name", "item", "sku", "article", "产品", "商品", "产品名称", "商品名称", "Artikel", "Produkt", "Artikelnummer", "Produit", "Article", "Producto", "Artículo"] },
  category: { strong: ["category", "product category", "product group", "类别", "品类", "产品类别", "分类", "Kategorie", "Warengruppe", "Produktgruppe", "Catégorie", "Famille", "Categoría", "Familia"] },
  channel: { strong: ["channel", "sales channel", "渠道", "销售渠道", "Kanal", "Vertriebskanal", "Canal", "Canal de vente", "Canal de venta"] },
  name: {
    strong: ["name", "customer name", "client name", "company", "company name", "客户名称", "名称", "公司名称", "Name", "Kundenname", "Firma", "Firmenname", "Nom", "Nom client", "Raison sociale", "Nombre", "Nombre cliente", "Razón social", "Empresa"],
  },
  industry: { strong: ["industry", "sector", "vertical", "branch", "行业", "所属行业", "Branche", "Industrie", "Sektor", "Secteur", "Secteur d'activité", "Industrie", "Sector", "Industria", "Rubro"] },
  "customers.size": SIZE,
  region: { strong: ["region", "area", "territory", "state", "province", "地区", "区域", "省份", "大区", "Region", "Gebiet", "Bundesland", "Vertriebsgebiet", "Région", "Département", "Región", "Provincia", "Zona"] },
  country: { strong: ["country", "nation", "国家", "国别", "Land", "Staat", "Pays", "País"] },
  first_contact_date: {
    strong: ["first contact", "first contact date", "customer since", "acquired", "acquisition date", "signup date", "首次联系日期", "首次接触", "注册日期", "Erstkontakt", "Kunde seit", "Erstkontaktdatum", "Premier contact", "Client depuis", "Primer contacto", "Cliente desde"],
  },
  acquisition_cost: { strong: ["acquisition cost", "cac", "customer acquisition cost", "获客成本", "Akquisitionskosten", "Akquisekosten", "Coût d'acquisition", "Costo de adquisición", "Coste de adquisición"] },
  account_manager: {
    strong: ["account manager", "sales rep", "salesperson", "owner", "key account manager", "kam", "客户经理", "销售代表", "销售员", "负责人", "Betreuer", "Kundenbetreuer", "Außendienst", "Verkäufer", "Commercial", "Chargé de compte", "Responsable", "Comercial", "Gestor de cuenta", "Vendedor"],
  },
  status: { strong: ["status", "state", "customer status", "状态", "客户状态", "Status", "Kundenstatus", "Statut", "Estado"] },
  attribute: { strong: ["attribute", "need", "feature", "criterion", "question", "item", "属性", "需求", "指标", "Merkmal", "Kriterium", "Anforderung", "Attribut", "Critère", "Besoin", "Atributo", "Criterio", "Necesidad"] },
  importance: { strong: ["importance", "weight", "重要性", "重要度", "Wichtigkeit", "Bedeutung", "Importance", "Importancia"] },
  satisfaction: { strong: ["satisfaction", "csat", "performance", "rating", "满意度", "评分", "Zufriedenheit", "Bewertung", "Satisfaction", "Satisfacción", "Valoración"] },
  nps: { strong: ["nps", "net promoter score", "recommend", "likelihood to recommend", "推荐", "推荐度", "净推荐值", "Weiterempfehlung", "Empfehlung", "Recommandation", "Recomendación"] },
  competitor: { strong: ["competitor", "competition", "rival", "竞争对手", "竞品", "Wettbewerber", "Konkurrent", "Mitbewerber", "Concurrent", "Competidor", "Competencia"] },
  competitor_rating: { strong: ["competitor rating", "competitor satisfaction", "competitor score", "竞争对手评分", "竞品评分", "Bewertung Wettbewerber", "Note concurrent", "Valoración competidor"] },
  "survey.date": {
    strong: ["date", "survey date", "response date", "日期", "调查日期", "Datum", "Befragungsdatum", "Date", "Date de réponse", "Fecha", "Fecha de encuesta"],
    weak: ["timestamp", "recorded date", "created at"],
  },
  deal_id: { strong: ["deal_id", "deal id", "deal", "opportunity", "opportunity id", "record id", "do not modify opportunity", "Verkaufschance-Nr", "Réf. opportunité", "商机编号", "商机", "机会编号", "Opportunity-ID", "Chance", "Verkaufschance", "Opportunité", "Affaire", "Oportunidad", "ID oportunidad"], weak: ["id"] },
  stage: { strong: ["stage", "outcome", "result", "status", "won lost", "阶段", "结果", "赢单", "Phase", "Stufe", "Ergebnis", "Étape", "Résultat", "Etapa", "Resultado"] },
  our_price: { strong: ["our price", "price", "quoted price", "offer price", "报价", "我方价格", "Preis", "Angebotspreis", "Unser Preis", "Prix", "Notre prix", "Prix proposé", "Precio", "Nuestro precio"] },
  competitor_price: { strong: ["competitor price", "competition price", "竞品价格", "竞争对手价格", "Wettbewerbspreis", "Preis Wettbewerber", "Prix concurrent", "Precio competidor"] },
  "deals.amount": { strong: ["amount", "value", "deal value", "deal size", "close value", "revenue", "est revenue", "estimated revenue", "金额", "商机金额", "Betrag", "Volumen", "Auftragswert", "Montant", "Valeur", "Importe", "Monto", "Valor"] },
  loss_reason: { strong: ["loss reason", "lost reason", "reason", "丢单原因", "原因", "Verlustgrund", "Grund", "Raison de la perte", "Motif", "Motivo de pérdida", "Motivo"] },
  created: { strong: ["created", "created date", "create date", "open date", "创建日期", "创建时间", "Erstellt", "Erstellungsdatum", "Créé le", "Date de création", "Creado", "Fecha de creación"] },
  owner: {
    strong: [
      "owner", "deal owner", "opportunity owner", "sales agent", "sales rep", "salesperson", "account manager", "负责人", "销售员", "销售代表",
      "Verantwortlich", "Verkäufer", "Betreuer", "Propriétaire", "Commercial", "Responsable", "Comercial", "Vendedor", "Propietario",
    ],
  },
  source: { strong: ["source", "lead source", "deal source", "来源", "线索来源", "商机来源", "Quelle", "Leadquelle", "Source", "Origine", "Origen", "Fuente"] },
  closed: { strong: ["closed", "close date", "closed date", "closing date", "关闭日期", "成交日期", "Abschlussdatum", "Geschlossen", "Date de clôture", "Fecha de cierre", "Cerrado"] },
  "receivables.amount": {
    strong: ["amount", "open amount", "outstanding", "balance", "amount due", "open balance", "invoice amount due", "reste du", "未收金额", "应收金额", "金额", "未付金额", "Betrag", "Offener Betrag", "Offener Posten", "Saldo", "Montant", "Montant dû", "Solde", "Importe", "Importe pendiente", "Saldo pendiente"],
  },
  due_date: { strong: ["due date", "due", "payment due", "到期日", "到期日期", "应付日期", "Fälligkeit", "Fälligkeitsdatum", "Fällig am", "Échéance", "Date d'échéance", "Vencimiento", "Fecha de vencimiento"] },
  invoice_date: { strong: ["invoice date", "date", "开票日期", "发票日期", "Rechnungsdatum", "Belegdatum", "Date de facture", "Date facture", "Fecha de factura", "Fecha factura"] },
  paid_date: { strong: ["paid date", "payment date", "paid on", "付款日期", "收款日期", "Zahlungsdatum", "Bezahlt am", "Zahldatum", "Date de paiement", "Payé le", "Fecha de pago", "Pagado"] },
};

/** The header words for `role` in a table of `kind`. */
export function wordsFor(kind: string, role: string): RoleWords {
  return ROLE_LEXICON[`${kind}.${role}`] ?? ROLE_LEXICON[role] ?? { strong: [role] };
}
