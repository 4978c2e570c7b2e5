// Wording of the funnel recipe (24): gallery texts, parameter labels and chart titles.
import { localized, type Catalogue } from "../locale";

const en = {
  title: "Funnel",
  question: "How many deals reach each stage, and where does the pipeline leak?",
  stages: "Stages in order (comma-separated; the last is usually won)",
  stageDates: "Per-stage date columns (stage=column, comma-separated; a deal with the date reached the stage)",
  segmentsBecause: "segments come from the customer of each deal",
  chartTitle: "Funnel",
  chartSubtitle: "Deals reaching each stage; hover for the conversion from the previous stage",
  reached: "Deals reaching the stage",
};

const zh: Catalogue<typeof en> = {
  title: "销售漏斗",
  question: "有多少商机到达每个阶段？销售管道在哪里流失？",
  stages: "按顺序排列的阶段（逗号分隔；最后一个通常是赢单）",
  stageDates: "各阶段的日期列（阶段=列名，逗号分隔；有该日期的商机即已到达该阶段）",
  segmentsBecause: "细分来自每个商机所属的客户",
  chartTitle: "销售漏斗",
  chartSubtitle: "到达各阶段的商机数；悬停查看相对上一阶段的转化率",
  reached: "到达该阶段的商机数",
};

/** The funnel recipe's wording in the current locale. */
export const FUNNEL_TEXT = localized(en, { "zh-CN": zh });
