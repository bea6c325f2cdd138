// Downloads and revenue in /api/v1 (App Store Connect Sales and Trends and Finance reports): the shapes follow the
// sales data layer (lib/data/sales/types.ts). Every one needs sales:read, which agent keys get only when granted.
import { endpoint } from "./endpoint";
import { appParams, projectParams } from "./schemas/apps";
import { salesByAppSchema, salesQuery, salesRangeQuery, salesSchema, salesSummarySchema } from "./schemas/sales";

const RANGE_NOTE =
  "A day Apple has not published yet is `pending` with no figures (never zeros); `no_sales` is a real zero. Units and money are exact decimals as text. Proceeds are per currency of proceeds, and converted into the team currency (the currency Apple pays the team in) with the finance reports' exchange rates; months without finance data yet are estimates.";

export const projectSales = endpoint({
  operationId: "getProjectSales",
  method: "GET",
  path: "/projects/{projectId}/sales",
  tag: "Downloads & revenue",
  summary: "A project's downloads and proceeds over a date range, per day or per storefront",
  description: RANGE_NOTE,
  permission: "sales:read",
  params: projectParams,
  query: salesQuery,
  response: salesSchema,
});

export const appSales = endpoint({
  operationId: "getAppSales",
  method: "GET",
  path: "/apps/{appId}/sales",
  tag: "Downloads & revenue",
  summary: "One app's downloads and proceeds (its in-app purchases and subscriptions included) over a date range, per day or per storefront",
  description: RANGE_NOTE,
  permission: "sales:read",
  params: appParams,
  query: salesQuery,
  response: salesSchema,
});

export const projectSalesByApp = endpoint({
  operationId: "getProjectSalesByApp",
  method: "GET",
  path: "/projects/{projectId}/sales/apps",
  tag: "Downloads & revenue",
  summary: "A project's downloads and proceeds per app over a date range",
  description: RANGE_NOTE,
  permission: "sales:read",
  params: projectParams,
  query: salesRangeQuery,
  response: salesByAppSchema,
});

export const projectSalesSummary = endpoint({
  operationId: "getProjectSalesSummary",
  method: "GET",
  path: "/projects/{projectId}/sales/summary",
  tag: "Downloads & revenue",
  summary: "Whether reports are connected, and the last 7 and 30 days against the periods before them",
  description: "The periods end at the newest day whose figures are in (latestDay). A change is null when either period misses days.",
  permission: "sales:read",
  params: projectParams,
  response: salesSummarySchema,
});

export const salesEndpoints = [projectSales, projectSalesByApp, projectSalesSummary, appSales] as const;
