// What the simulated Apple knows about Sales and Finance reports: the configuration and the catalogue built from it.
import { addDays } from "../../../../lib/apple/asc/reports/values";
import { buildCatalog, type Catalog } from "./catalog";
import { reportsConfigSchema, type ReportsConfig, type ReportsConfigInput, type ReportRole } from "./config";

export type * from "./config";

export class Reports {
  config!: ReportsConfig;
  catalog!: Catalog;
  /** Downloads served, for shuffleRows (each download another order). */
  downloads = 0;

  constructor() {
    this.open({});
  }

  /** The scenario's `reports`: a fresh start. */
  open(input: ReportsConfigInput): void {
    this.downloads = 0;
    this.load(input);
  }

  private load(input: ReportsConfigInput): void {
    this.config = reportsConfigSchema.parse(input);
    this.catalog = buildCatalog(this.config);
  }

  /** Merges a partial configuration (behaviours merge field by field). */
  update(patch: ReportsConfigInput): ReportsConfig {
    const behaviours = { ...this.config.behaviours, ...(patch.behaviours ?? {}) };
    this.load({ ...this.config, ...patch, behaviours });
    return this.config;
  }

  latestDay(): string {
    return this.config.latestDay ?? addDays(new Date().toISOString().slice(0, 10), -1);
  }

  oldestDay(): string {
    return addDays(this.latestDay(), -(this.config.retentionDays - 1));
  }

  rolesOf(keyId: string): ReportRole[] {
    return this.config.roles[keyId] ?? ["ADMIN"];
  }

  summary() {
    return {
      vendorNumber: this.config.vendorNumber,
      latestDay: this.latestDay(),
      oldestDay: this.oldestDay(),
      apps: this.catalog.apps.map((a) => ({ appleId: a.appleId, sku: a.sku, title: a.title, iaps: a.iaps.map((i) => i.appleId) })),
      slots: this.catalog.slots.length,
      behaviours: this.config.behaviours,
    };
  }
}
