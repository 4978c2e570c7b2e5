// Wording of the attribute segments recipe (src/recipes/catalogue/attribute-segments.ts): gallery texts,
// parameters, the segment labels the SQL writes and the chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Attribute segments",
  question: "How do industries, size bands or regions compare in customers, revenue and margin?",
  by: {
    label: "Segment by",
    industry: "Industry",
    size: "Size band (large / medium / small)",
    geography: "Geography (local / regional / national / international)",
  },
  sizeLarge: "Large from (size, e.g. annual revenue)",
  sizeMedium: "Medium from (size)",
  homeRegion: "Home region (empty: the most common region)",
  homeCountry: "Home country (empty: the most common country)",
  nearbyRegions: "Regional: these regions (comma-separated)",
  mediumShort: "Medium from",
  largeShort: "Large from",
  segmentBecause: (by: string) => `segment by = ${by}`,
  /** Segment labels the SQL writes. */
  segments: {
    unknown: "(unknown)",
    notListed: "(not in customers table)",
    large: "large",
    medium: "medium",
    small: "small",
    local: "local",
    regional: "regional",
    national: "national",
    international: "international",
  },
  chart: {
    /** `by` is the parameter value (industry, size or geography). */
    title: (margin: boolean, by: string) => `Customers and ${margin ? "margin" : "revenue"} by ${by}`,
    subtitle: "Share of customers vs share of value per segment",
    share: "Share",
  },
};

const BY_ZH: Readonly<Record<string, string>> = { industry: "行业", size: "规模", geography: "地域" };

const zh: Catalogue<typeof en> = {
  title: "客户属性细分",
  question: "不同行业、规模或地区的客户，在客户数、收入和毛利上有何差别？",
  by: {
    label: "细分依据",
    industry: "行业",
    size: "规模等级（大型 / 中型 / 小型）",
    geography: "地域（本地 / 周边 / 国内 / 国际）",
  },
  sizeLarge: "大型客户起点（规模，如年营业额）",
  sizeMedium: "中型客户起点（规模）",
  homeRegion: "本地区域（留空：客户最多的地区）",
  homeCountry: "本国（留空：客户最多的国家）",
  nearbyRegions: "周边：这些地区（逗号分隔）",
  mediumShort: "中型客户起点",
  largeShort: "大型客户起点",
  segmentBecause: (by: string) => `细分依据 = ${BY_ZH[by] ?? by}`,
  segments: {
    unknown: "（未知）",
    notListed: "（不在客户表中）",
    large: "大型",
    medium: "中型",
    small: "小型",
    local: "本地",
    regional: "周边",
    national: "国内",
    international: "国际",
  },
  chart: {
    title: (margin: boolean, by: string) => `各${BY_ZH[by] ?? by}的客户数与${margin ? "毛利" : "收入"}`,
    subtitle: "各细分的客户占比与价值占比",
    share: "占比",
  },
};

/** The attribute segments recipe's wording in the current locale. */
export const ATTRIBUTE_SEGMENTS_TEXT = localized(en, { "zh-CN": zh });
