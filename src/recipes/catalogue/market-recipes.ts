// The market and key-account recipes (analytics.md 14-25), in catalogue order; registry.ts lists them
// after recipes 1-13 in CATALOGUE.
import type { Recipe } from "../recipe";
import { satisfactionNps } from "./satisfaction-nps";
import { importancePerformance } from "./importance-performance";
import { categoryAffinity } from "./category-affinity";
import { basketAssociations } from "./basket-associations";
import { competitorBreakdown } from "./competitor-breakdown";
import { swot } from "./swot";
import { marketPriority } from "./market-priority";
import { pricePosition } from "./price-position";
import { accountRisk } from "./account-risk";
import { trendForecast } from "./trend-forecast";
import { funnel } from "./funnel";
import { kpiScorecard } from "./kpi-scorecard";
import { dealSegments } from "./deal-segments";

/** Recipes 14-25 (needs, satisfaction, competitors, market priority, key-account risk), then deal segments. */
export const MARKET_RECIPES: readonly Recipe[] = [
  satisfactionNps,
  importancePerformance,
  categoryAffinity,
  basketAssociations,
  competitorBreakdown,
  swot,
  marketPriority,
  pricePosition,
  accountRisk,
  trendForecast,
  funnel,
  kpiScorecard,
  dealSegments,
];
