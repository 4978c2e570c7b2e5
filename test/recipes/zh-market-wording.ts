// The wording modules of recipes 13-25 (src/messages/recipes/), by name, for the test that reads them in zh-CN.
import { RISK_TEXT } from "../../src/messages/recipes/account-risk";
import { BASKET_TEXT } from "../../src/messages/recipes/basket-associations";
import { AFFINITY_TEXT } from "../../src/messages/recipes/category-affinity";
import { COMPETITOR_TEXT } from "../../src/messages/recipes/competitor-breakdown";
import { DEAL_TEXT } from "../../src/messages/recipes/deal-inputs";
import { DEAL_SEGMENTS_TEXT } from "../../src/messages/recipes/deal-segments";
import { FUNNEL_TEXT } from "../../src/messages/recipes/funnel";
import { IPA_TEXT } from "../../src/messages/recipes/importance-performance";
import { KPI_TEXT } from "../../src/messages/recipes/kpi-scorecard";
import { MARKET_TEXT } from "../../src/messages/recipes/market-inputs";
import { PRIORITY_TEXT } from "../../src/messages/recipes/market-priority";
import { PRICE_TEXT } from "../../src/messages/recipes/price-position";
import { RETENTION_TEXT } from "../../src/messages/recipes/retention";
import { NPS_TEXT } from "../../src/messages/recipes/satisfaction-nps";
import { SWOT_TEXT } from "../../src/messages/recipes/swot";
import { TREND_TEXT } from "../../src/messages/recipes/trend-forecast";

/** Every wording module of recipes 13-25 and their shared inputs. */
export const WORDING: Readonly<Record<string, object>> = {
  RISK_TEXT,
  BASKET_TEXT,
  AFFINITY_TEXT,
  COMPETITOR_TEXT,
  DEAL_TEXT,
  DEAL_SEGMENTS_TEXT,
  FUNNEL_TEXT,
  IPA_TEXT,
  KPI_TEXT,
  MARKET_TEXT,
  PRIORITY_TEXT,
  PRICE_TEXT,
  RETENTION_TEXT,
  NPS_TEXT,
  SWOT_TEXT,
  TREND_TEXT,
};
