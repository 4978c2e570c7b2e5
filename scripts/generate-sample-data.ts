// Writes the shipped sample data: public/notebooks/customers.csv and public/notebooks/orders.csv, then
// survey.csv, deals.csv and receivables.csv (from a second seeded stream, so the first two never change), then
// the Chinese CRM export zh-customers.csv and zh-orders.csv (GBK, from a third).
// A seeded PRNG (mulberry32) makes the output byte-for-byte reproducible: `npm run sample-data`.
//
// The data set is a fictional B2B software-and-services vendor, 2023-01-01 .. 2025-06-30:
// - 1,200 customers; size drives order frequency and ticket size; a few key accounts carry a large
//   share of revenue (Pareto-ish: the top 20% of customers bring over 80% of the revenue).
// - About a fifth of customers churn: they stop ordering at a random date inside the window.
// - Seasonality: a strong December (budget flush), a quieter August; B2B orders fall on weekdays.
// - Returns/credit notes: about 3% of orders are followed by a row with a negative amount and
//   margin (order_id prefixed `R`), dated 1-6 weeks after the order it reverses.
import { mulberry32 } from "./seeded-random";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeGbk } from "./gbk";
import { chineseCrmExport } from "./sample-data-zh";

const random = mulberry32(20250630);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const logNormal = (sigma: number) => Math.exp(sigma * normal() - (sigma * sigma) / 2);
function weighted<T>(entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of entries) if ((r -= w) < 0) return item;
  return entries[entries.length - 1][0];
}

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const START = day("2023-01-01");
const END = day("2025-06-30");

const PREFIXES = [
  "Nord",
  "Alpen",
  "Rhein",
  "Baltic",
  "Atlas",
  "Vector",
  "Summit",
  "Harbor",
  "Silver",
  "Granite",
  "Aurora",
  "Cedar",
  "Falcon",
  "Helix",
  "Iron",
  "Juniper",
  "Keystone",
  "Lumen",
  "Meridian",
  "Nova",
  "Orion",
  "Pioneer",
  "Quantum",
  "Redwood",
  "Sterling",
  "Titan",
  "Union",
  "Vantage",
  "West",
  "Zenith",
  "Blue",
  "Bright",
  "Crest",
  "Delta",
  "Evergreen",
  "Fjord",
  "Global",
  "Horizon",
  "Apex",
  "Beacon",
];
const CORES = [
  "field",
  "stone",
  "bridge",
  "works",
  "point",
  "line",
  "gate",
  "wave",
  "core",
  "path",
  "tech",
  "mark",
  "view",
  "ridge",
  "well",
  "port",
];
const TRADES: Record<string, string[]> = {
  Manufacturing: ["Industries", "Manufacturing", "Components", "Machinery", "Plastics"],
  Retail: ["Retail", "Stores", "Trading", "Outfitters", "Markets"],
  Healthcare: ["Health", "Medical", "Clinics", "Pharma", "Care"],
  "Financial Services": ["Capital", "Finance", "Insurance", "Partners", "Bank"],
  Technology: ["Systems", "Software", "Digital", "Labs", "Networks"],
  Logistics: ["Logistics", "Freight", "Transport", "Shipping", "Cargo"],
  Energy: ["Energy", "Power", "Utilities", "Renewables", "Grid"],
  "Professional Services": ["Consulting", "Advisory", "Services", "Group", "Associates"],
};
const INDUSTRIES = Object.keys(TRADES);
const REGIONS: Record<string, readonly (readonly [string, string, number])[]> = {
  DACH: [
    ["Germany", "GmbH", 6],
    ["Austria", "GmbH", 2],
    ["Switzerland", "AG", 2],
  ],
  Nordics: [
    ["Sweden", "AB", 3],
    ["Denmark", "A/S", 2],
    ["Norway", "AS", 2],
    ["Finland", "Oy", 1],
  ],
  Benelux: [
    ["Netherlands", "B.V.", 3],
    ["Belgium", "NV", 2],
    ["Luxembourg", "S.A.", 1],
  ],
  "UK & Ireland": [
    ["United Kingdom", "Ltd", 5],
    ["Ireland", "Ltd", 1],
  ],
  "Southern Europe": [
    ["France", "SAS", 4],
    ["Italy", "S.p.A.", 3],
    ["Spain", "S.L.", 3],
  ],
  "North America": [
    ["United States", "Inc.", 6],
    ["Canada", "Inc.", 1],
  ],
};
const REGION_WEIGHTS = [
  ["DACH", 30],
  ["Nordics", 12],
  ["Benelux", 12],
  ["UK & Ireland", 14],
  ["Southern Europe", 17],
  ["North America", 15],
] as const;
const SIZES = {
  small: { weight: 55, employees: [10, 199], band: "< 10M", perYear: 5, ticket: 900 },
  medium: { weight: 33, employees: [200, 1999], band: "10M-100M", perYear: 11, ticket: 2800 },
  large: { weight: 12, employees: [2000, 40000], band: "> 100M", perYear: 24, ticket: 9000 },
} as const;
type Size = keyof typeof SIZES;
// Category: [weight, ticket multiplier, margin rate].
const CATEGORIES = [
  ["Software Licenses", 30, 1.6, 0.78],
  ["Support & Maintenance", 25, 0.7, 0.62],
  ["Consulting", 20, 1.4, 0.34],
  ["Hardware", 15, 1.1, 0.18],
  ["Training", 10, 0.4, 0.52],
] as const;
const CHANNELS = [
  ["Direct", 50],
  ["Partner", 35],
  ["Online", 15],
] as const;
// Month -> relative order intensity (December budget flush, August holidays).
const SEASON = [0.85, 0.95, 1.1, 1.0, 1.0, 1.05, 0.9, 0.6, 1.05, 1.1, 1.15, 1.6];

const customerRows = ["customer_id,name,industry,size,employees,revenue_band,region,country,first_contact_date"];
// Order ids are assigned after sorting by date, so they increase with time; a return points at its order.
interface OrderEvent {
  date: number;
  row: string[];
  reverses?: OrderEvent;
  id?: string;
}
const orderEvents: OrderEvent[] = [];
const usedNames = new Set<string>();
// What the survey, deal and receivables tables below need to know of each customer (no draws here).
interface CustomerInfo {
  id: string;
  industry: string;
  region: string;
  size: Size;
  key: boolean;
  churnAt: number;
  begin: number;
}
const customerInfo: CustomerInfo[] = [];

for (let c = 1; c <= 1200; c++) {
  const id = `C${String(c).padStart(5, "0")}`;
  const industry = pick(INDUSTRIES);
  const region = weighted(REGION_WEIGHTS);
  const [country, suffix] = weighted(REGIONS[region].map(([n, s, w]) => [[n, s], w] as const));
  const size = weighted(Object.entries(SIZES).map(([k, v]) => [k as Size, v.weight] as const));
  const profile = SIZES[size];
  let name: string;
  do name = `${pick(PREFIXES)}${pick(CORES)} ${pick(TRADES[industry])} ${suffix}`;
  while (usedNames.has(name));
  usedNames.add(name);
  const [lo, hi] = profile.employees;
  const employees = Math.round(lo * Math.pow(hi / lo, random()));
  // A third of the customers were first contacted before the window; the rest arrive through it.
  const firstContact =
    random() < 0.35
      ? day("2018-01-01") + Math.floor(random() * (START - day("2018-01-01")))
      : START + Math.floor(random() * (END - 60 - START));
  customerRows.push(
    [
      id,
      csv(name),
      csv(industry),
      size,
      employees,
      csv(profile.band),
      csv(region),
      csv(country),
      iso(firstContact),
    ].join(","),
  );

  // Key accounts: a few customers spend many times their peers; this gives the Pareto skew.
  const keyAccount = random() < 0.03 ? 4 + random() * 6 : 1;
  const ticket = profile.ticket * logNormal(0.6) * keyAccount;
  const perYear = profile.perYear * logNormal(0.5) * Math.sqrt(keyAccount);
  const channel = weighted(CHANNELS);
  const begin = Math.max(START, firstContact + 7 + Math.floor(random() * 60));
  const churnAt = random() < 0.2 ? begin + Math.floor(random() * (END - begin)) : END;
  customerInfo.push({ id, industry, region, size, key: keyAccount > 1, churnAt, begin });
  const maxRate = (perYear / 365) * Math.max(...SEASON);
  for (let d = begin; d <= churnAt; d++) {
    const date = new Date(d * DAY);
    const weekday = date.getUTCDay() % 6 !== 0;
    if (!weekday && random() < 0.9) continue;
    // Thinning: accept a day with probability rate(month) / maxRate.
    if (random() >= maxRate || random() >= SEASON[date.getUTCMonth()] / Math.max(...SEASON)) continue;
    const [category, , mult, marginRate] = weighted(CATEGORIES.map((k) => [k, k[1]] as const));
    const amount = round2(ticket * mult * logNormal(0.5));
    const margin = round2(amount * Math.min(0.95, Math.max(-0.1, marginRate + 0.08 * normal())));
    const orderChannel = random() < 0.8 ? channel : weighted(CHANNELS);
    const order: OrderEvent = {
      date: d,
      row: ["", id, iso(d), amount.toFixed(2), margin.toFixed(2), csv(category), orderChannel],
    };
    orderEvents.push(order);
    if (random() < 0.03) {
      const back = Math.min(END, d + 7 + Math.floor(random() * 35));
      const share = random() < 0.6 ? 1 : round2(0.2 + 0.6 * random());
      orderEvents.push({
        date: back,
        reverses: order,
        row: [
          "",
          id,
          iso(back),
          (-round2(amount * share)).toFixed(2),
          (-round2(margin * share)).toFixed(2),
          csv(category),
          orderChannel,
        ],
      });
    }
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function csv(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// Stable sort by date keeps generation order within a day, so the output stays reproducible.
orderEvents.sort((a, b) => a.date - b.date);
let orderSeq = 0;
for (const e of orderEvents) if (!e.reverses) e.id = e.row[0] = `O${String(++orderSeq).padStart(6, "0")}`;
for (const e of orderEvents) if (e.reverses) e.row[0] = `R${e.reverses.id!.slice(1)}`;
const orderRows = [
  "order_id,customer_id,order_date,amount,margin,category,channel",
  ...orderEvents.map((e) => e.row.join(",")),
];

const out = resolve(dirname(fileURLToPath(import.meta.url)), "../public/notebooks");
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, "customers.csv"), customerRows.join("\n") + "\n");
writeFileSync(resolve(out, "orders.csv"), orderRows.join("\n") + "\n");
console.log(`Wrote ${customerRows.length - 1} customers and ${orderRows.length - 1} order rows to ${out}`);

// ---------------------------------------------------------------------------------------------------
// survey.csv, deals.csv and receivables.csv (recipes 14-25). They draw from their own seeded stream,
// after the tables above are written, so customers.csv and orders.csv stay byte-for-byte as they were.
// Planted patterns: "Support responsiveness" matters most and satisfies least; churned customers
// answered less satisfied; competitor PriceRight undercuts us by about a quarter in Retail and wins
// there on price; one key account stopped paying in February 2025 and loses deals to Globex.
const more = mulberry32(20251123);
const pickM = <T>(items: readonly T[]): T => items[Math.floor(more() * items.length)];
const normalM = () => Math.sqrt(-2 * Math.log(1 - more())) * Math.cos(2 * Math.PI * more());
function weightedM<T>(entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = more() * total;
  for (const [item, w] of entries) if ((r -= w) < 0) return item;
  return entries[entries.length - 1][0];
}
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

// The watched key account: the key account with the most 2025 revenue that has not churned.
const revenue2025 = new Map<string, number>();
for (const e of orderEvents)
  if (e.date >= day("2025-01-01")) revenue2025.set(e.row[1], (revenue2025.get(e.row[1]) ?? 0) + Number(e.row[3]));
const watched = customerInfo
  .filter((c) => c.key && c.churnAt === END)
  .sort((a, b) => (revenue2025.get(b.id) ?? 0) - (revenue2025.get(a.id) ?? 0))[0].id;

// Attribute: [mean importance, mean satisfaction].
const ATTRIBUTES = [
  ["Product quality", 4.3, 4.0],
  ["Price / value", 4.0, 3.3],
  ["Delivery reliability", 3.8, 3.9],
  ["Support responsiveness", 4.6, 2.7],
  ["Ease of use", 3.5, 3.8],
  ["Account management", 3.2, 3.6],
  ["Documentation", 2.4, 4.1],
] as const;
const surveyRows = ["customer_id,survey_date,attribute,importance,satisfaction,nps"];
for (const c of customerInfo) {
  for (const wave of ["2024-03-01", "2025-03-01"]) {
    const date = day(wave) + Math.floor(more() * 28);
    if (more() >= 0.35 || date < c.begin || date > c.churnAt) continue;
    const mood = 0.6 * normalM() - (c.churnAt < END ? 0.8 : 0) - (c.industry === "Healthcare" ? 0.3 : 0);
    const nps = Math.round(clamp(7.2 + 2.4 * mood + 1.2 * normalM(), 0, 10));
    for (const [attribute, imp, sat] of ATTRIBUTES) {
      const importance = Math.round(clamp(imp + 0.7 * normalM(), 1, 5));
      // A few answers off the 1-5 scale (typing errors), for the recipes to report.
      const satisfaction = more() < 0.003 ? pickM([0, 6, 7]) : Math.round(clamp(sat + mood + 0.7 * normalM(), 1, 5));
      surveyRows.push([c.id, iso(date), attribute, importance, satisfaction, nps].join(","));
    }
  }
}

const COMPETITORS = [
  ["", 20],
  ["PriceRight", 25],
  ["Contoso Systems", 25],
  ["Globex", 20],
  ["Initech", 10],
] as const;
const STAGES = ["lead", "qualified", "proposal", "negotiation"];
const DEALS_PER_YEAR: Record<Size, number> = { small: 0.5, medium: 1, large: 2.2 };
const dealEvents: { date: number; row: (string | number)[] }[] = [];
for (const c of customerInfo) {
  const n = Math.max(1, Math.round(DEALS_PER_YEAR[c.size] * 2.5 * (c.key ? 2 : 1) * (0.5 + more())));
  for (let k = 0; k < n; k++) {
    const created = Math.min(END - 5, c.begin - 30 + Math.floor(more() * (Math.min(c.churnAt, END) - c.begin + 30)));
    const watchedLoss = c.id === watched && created >= day("2024-10-01");
    const competitor = watchedLoss ? "Globex" : weightedM(COMPETITORS);
    const price = Math.round(SIZES[c.size].ticket * (0.6 + 0.8 * more()));
    const undercut = competitor === "PriceRight" ? (c.industry === "Retail" ? 0.74 : 0.96) : 0.85 + 0.35 * more();
    const theirs = competitor ? Math.round(price * undercut * (0.97 + 0.06 * more())) : "";
    const gap = theirs ? price / Number(theirs) - 1 : 0;
    const winChance = watchedLoss ? 0.1 : clamp(0.55 - 1.6 * gap + (competitor ? 0 : 0.15), 0.05, 0.9);
    const duration = 20 + Math.floor(more() * 100);
    const open = created + duration > END;
    const won = !open && more() < winChance;
    const stage = won
      ? "won"
      : open
        ? pickM(STAGES)
        : weightedM([
            ["lead", 2],
            ["qualified", 3],
            ["proposal", 4],
            ["negotiation", 3],
          ] as const);
    const outcome = won ? "won" : open ? "open" : "lost";
    const reason =
      outcome !== "lost"
        ? ""
        : gap > 0.15 || watchedLoss
          ? "price"
          : weightedM([
              ["price", 2],
              ["features", 3],
              ["relationship", 2],
              ["timing", 2],
              ["no decision", 3],
            ] as const);
    const amount = price * (1 + Math.floor(more() * 12));
    dealEvents.push({
      date: created,
      row: [
        "",
        c.id,
        iso(created),
        open ? "" : iso(created + duration),
        stage,
        outcome,
        amount,
        price,
        csv(competitor),
        theirs,
        reason,
      ],
    });
  }
}
dealEvents.sort((a, b) => a.date - b.date);
dealEvents.forEach((e, i) => (e.row[0] = `D${String(i + 1).padStart(5, "0")}`));
const dealRows = [
  "deal_id,customer_id,created,closed,stage,outcome,amount,our_price,competitor,competitor_price,loss_reason",
  ...dealEvents.map((e) => e.row.join(",")),
];

// One invoice per order since 2024, due after 30 days; most are paid around the due date, some late,
// the newest still open (empty paid_date). The watched key account has paid nothing since February 2025.
const PAYERS = new Map(customerInfo.map((c) => [c.id, more() < 0.12 ? 25 + 30 * more() : 6 * normalM()] as const));
const receivableRows = ["customer_id,invoice_id,invoice_date,due_date,paid_date,amount"];
for (const e of orderEvents) {
  if (e.reverses || e.date < day("2024-01-01")) continue;
  const customer = e.row[1];
  const due = e.date + 30;
  const paid = Math.round(due + (PAYERS.get(customer) ?? 0) + 4 * normalM());
  const unpaid = paid > END || (customer === watched && e.date >= day("2025-02-01"));
  receivableRows.push(
    [
      customer,
      `I${e.id!.slice(1)}`,
      iso(e.date),
      iso(due),
      unpaid ? "" : iso(Math.max(e.date + 1, paid)),
      e.row[3],
    ].join(","),
  );
}

writeFileSync(resolve(out, "survey.csv"), surveyRows.join("\n") + "\n");
writeFileSync(resolve(out, "deals.csv"), dealRows.join("\n") + "\n");
writeFileSync(resolve(out, "receivables.csv"), receivableRows.join("\n") + "\n");
console.log(
  `Wrote ${surveyRows.length - 1} survey answers, ${dealRows.length - 1} deals and ${receivableRows.length - 1} invoices; watched key account ${watched}`,
);

// ---------------------------------------------------------------------------------------------------
// zh-customers.csv and zh-orders.csv: the Chinese CRM export (see sample-data-zh.ts), in GBK as Chinese
// Windows exports are, for the Chinese example notebook. Its own seed: the files above do not change.
const zh = chineseCrmExport();
writeFileSync(resolve(out, "zh-customers.csv"), encodeGbk(zh.customers));
writeFileSync(resolve(out, "zh-orders.csv"), encodeGbk(zh.orders));
console.log(
  `Wrote ${zh.customers.split("\r\n").length - 2} Chinese customers and ${zh.orders.split("\r\n").length - 2} ` +
    `order lines (GBK); watched key account ${zh.watched}`,
);
