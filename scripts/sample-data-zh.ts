// The Chinese sample data: a CRM export as Fxiaoke, Kingdee or Yonyou write it (Chinese headers,
// `2024/1/5` dates, amounts as `"￥1,234.00"` with thousands separators, CRLF lines; the caller writes GBK).
// A fictional software vendor selling to Chinese companies, 2023/1/1 .. 2025/6/30, from its own seed.
//
// Planted patterns: a few key accounts (大客户) carry much of the revenue; about a fifth of the customers
// stop ordering; December is strong and the Spring Festival month quiet; one key account (the watched one)
// orders nothing after mid-January 2025, the key-account risk the example notebook finds.

import { mulberry32 } from "./seeded-random";

const DAY = 86_400_000;
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
/** A date as Chinese exports write it: `2024/1/5`. */
const slashDate = (d: number) => {
  const t = new Date(d * DAY);
  return `${t.getUTCFullYear()}/${t.getUTCMonth() + 1}/${t.getUTCDate()}`;
};
/** An amount as Chinese exports write it: `"￥12,800.00"`, `"-￥56.00"` (quoted: it holds commas). */
const grouped = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const yuan = (x: number) => `"${x < 0 ? "-" : ""}￥${grouped.format(Math.abs(x))}"`;

const START = day(2023, 1, 1);
const END = day(2025, 6, 30);

// Region: [weight, cities, account managers].
const REGIONS = [
  ["华东", 30, ["上海", "杭州", "南京", "苏州", "宁波", "合肥", "济南", "青岛"], ["张伟", "王芳", "陈静"]],
  ["华北", 18, ["北京", "天津", "石家庄", "太原"], ["李娜", "刘洋"]],
  ["华南", 20, ["广州", "深圳", "东莞", "佛山", "厦门", "福州"], ["黄强", "吴婷"]],
  ["华中", 12, ["武汉", "长沙", "郑州", "南昌"], ["周杰"]],
  ["西南", 10, ["成都", "重庆", "昆明", "贵阳"], ["杨磊"]],
  ["西北", 4, ["西安", "兰州", "银川"], ["赵敏"]],
  ["东北", 6, ["沈阳", "大连", "长春", "哈尔滨"], ["孙丽"]],
] as const;
const BRANDS = [
  "恒信",
  "华泰",
  "鼎盛",
  "博远",
  "瑞丰",
  "金诚",
  "宏达",
  "天启",
  "新元",
  "永安",
  "中科",
  "汇通",
  "长城",
  "东方",
  "盛世",
  "嘉禾",
  "锦程",
  "海纳",
  "同创",
  "卓越",
  "润华",
  "正阳",
  "明德",
  "安和",
  "信达",
  "联创",
  "众邦",
  "九州",
  "华夏",
  "启航",
  "蓝海",
  "云帆",
  "凯旋",
  "德润",
  "昊天",
  "星辰",
];
const TRADES: Record<string, readonly string[]> = {
  制造业: ["精密机械", "电子", "汽车零部件", "新材料"],
  零售: ["商贸", "连锁超市", "百货"],
  医疗健康: ["医疗器械", "医药"],
  金融: ["投资", "融资租赁"],
  信息技术: ["软件", "信息技术", "网络科技"],
  物流: ["物流", "供应链管理"],
  能源: ["新能源", "电力设备"],
  专业服务: ["管理咨询", "人力资源"],
};
const INDUSTRIES = Object.keys(TRADES);
// Size: [weight, orders per year, quantity factor].
const SIZES = [
  ["小型", 55, 4, 1],
  ["中型", 33, 8, 2],
  ["大型", 12, 16, 4],
] as const;
// Category: [weight, products as [name, list price, unit quantity range]].
type Product = readonly [name: string, list: number, lo: number, hi: number];
const CATEGORIES: readonly (readonly [string, number, readonly Product[]])[] = [
  [
    "软件许可",
    30,
    [
      ["云ERP标准版", 12800, 1, 3],
      ["云ERP专业版", 36000, 1, 2],
      ["CRM企业版", 19800, 1, 3],
      ["数据分析平台", 48000, 1, 1],
    ],
  ],
  [
    "实施服务",
    25,
    [
      ["实施服务（人天）", 2400, 3, 20],
      ["数据迁移服务", 15000, 1, 2],
    ],
  ],
  [
    "运维服务",
    20,
    [
      ["年度运维服务", 8800, 1, 2],
      ["远程技术支持", 3600, 1, 4],
    ],
  ],
  [
    "硬件设备",
    15,
    [
      ["服务器", 42000, 1, 2],
      ["网络设备", 9600, 1, 4],
    ],
  ],
  ["培训", 10, [["用户培训（人次）", 1200, 5, 30]]],
];
const CHANNELS = [
  ["直销", 50],
  ["代理商", 30],
  ["线上商城", 20],
] as const;
// Month -> relative order intensity (a strong December, a quiet Spring Festival in February).
const SEASON = [0.9, 0.5, 1.1, 1.0, 1.0, 1.05, 0.95, 0.9, 1.05, 1.0, 1.1, 1.5];

/** The two files of the Chinese CRM export (as text) and the id of the key account that stopped ordering. */
export function chineseCrmExport(): { customers: string; orders: string; watched: string } {
  const random = mulberry32(20261207);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const weighted = <T extends readonly [unknown, number, ...unknown[]]>(entries: readonly T[]): T => {
    let r = random() * entries.reduce((s, e) => s + e[1], 0);
    for (const e of entries) if ((r -= e[1]) < 0) return e;
    return entries[entries.length - 1];
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const logNormal = (sigma: number) => Math.exp(sigma * normal() - (sigma * sigma) / 2);

  const customerRows = ["客户编号,客户名称,行业,客户规模,区域,城市,客户经理,建档日期"];
  type Line = { date: number; customer: string; cells: string[]; amount: number; id?: string; reverses?: Line };
  const lines: Line[] = [];
  const names = new Set<string>();
  for (let c = 1; c <= 360; c++) {
    const id = `KH${String(c).padStart(4, "0")}`;
    const [region, , cities, managers] = weighted(REGIONS);
    const city = pick(cities);
    const industry = pick(INDUSTRIES);
    const [size, , perYear, qtyFactor] = weighted(SIZES);
    let name: string;
    do name = `${city}${pick(BRANDS)}${pick(TRADES[industry])}${size === "大型" ? "股份" : ""}有限公司`;
    while (names.has(name));
    names.add(name);
    const manager = pick(managers);
    const created =
      random() < 0.4
        ? day(2019, 1, 1) + Math.floor(random() * (START - day(2019, 1, 1)))
        : START + Math.floor(random() * (END - 90 - START));
    customerRows.push([id, name, industry, size, region, city, manager, slashDate(created)].join(","));

    // Key accounts order much more, and more at a time: they carry the revenue.
    const key = random() < 0.04;
    const scale = key ? 4 + random() * 6 : 1;
    const rate = (perYear * logNormal(0.5) * (key ? 2.5 : 1)) / 250;
    const channel = weighted(CHANNELS)[0];
    const begin = Math.max(START, created + 14 + Math.floor(random() * 60));
    const churnAt = random() < 0.2 ? begin + Math.floor(random() * (END - begin)) : END;
    for (let d = begin; d <= churnAt; d++) {
      const weekday = new Date(d * DAY).getUTCDay() % 6 !== 0;
      if (!weekday || random() >= rate * SEASON[new Date(d * DAY).getUTCMonth()]) continue;
      const [category, , products] = weighted(CATEGORIES);
      const [product, list, lo, hi] = pick(products);
      // Person-days and seats are counted as sold; licences and boxes grow with the customer's size.
      const units = (lo + Math.floor(random() * (hi - lo + 1))) * (product.includes("（") ? 1 : qtyFactor);
      const quantity = Math.round(units * scale) || 1;
      const price = Math.round(list * (0.8 + 0.2 * random()));
      const orderChannel = random() < 0.85 ? channel : weighted(CHANNELS)[0];
      const cells = [id, name, region, orderChannel, product, category];
      const sold = [String(quantity), yuan(price), yuan(quantity * price), manager, "已完成"];
      const line: Line = { date: d, customer: id, amount: quantity * price, cells: [...cells, ...sold] };
      lines.push(line);
      if (random() < 0.02) {
        const back = Math.min(END, d + 7 + Math.floor(random() * 28));
        const returned = [String(-quantity), yuan(price), yuan(-quantity * price), manager, "已退货"];
        const reversal = { date: back, customer: id, amount: -quantity * price, reverses: line };
        lines.push({ ...reversal, cells: [...cells, ...returned] });
      }
    }
  }

  // The watched key account: the biggest customer of 2024 among those ordering until the end.
  const revenue2024 = new Map<string, number>();
  for (const l of lines)
    if (l.date >= day(2024, 1, 1) && l.date < day(2025, 1, 1))
      revenue2024.set(l.customer, (revenue2024.get(l.customer) ?? 0) + l.amount);
  const lastOrder = new Map<string, number>();
  for (const l of lines) lastOrder.set(l.customer, Math.max(lastOrder.get(l.customer) ?? 0, l.date));
  const watched = [...revenue2024.entries()]
    .filter(([id]) => (lastOrder.get(id) ?? 0) > day(2025, 6, 1))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const kept = lines.filter((l) => !(l.customer === watched && l.date > day(2025, 1, 15)));

  // Stable sort by date keeps generation order within a day, so the output stays reproducible.
  kept.sort((a, b) => a.date - b.date);
  let seq = 0;
  for (const l of kept) if (!l.reverses) l.id = `SO${String(++seq).padStart(6, "0")}`;
  const orderRows = [
    "订单编号,下单日期,客户编号,客户名称,区域,销售渠道,产品,产品类别,数量,单价,金额,客户经理,订单状态",
  ];
  for (const l of kept)
    orderRows.push([l.reverses ? `TH${l.reverses.id!.slice(2)}` : l.id!, slashDate(l.date), ...l.cells].join(","));
  return { customers: customerRows.join("\r\n") + "\r\n", orders: orderRows.join("\r\n") + "\r\n", watched };
}
