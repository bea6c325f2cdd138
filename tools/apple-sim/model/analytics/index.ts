// The simulated Analytics Reports API's state: report requests per app (ONGOING / ONE_TIME_SNAPSHOT, stopped,
// ghost), the reports of a request, their instances over the retention window, and segment files.
import { createHash, createHmac } from "node:crypto";
import { gzipSync } from "node:zlib";
import { addDays } from "../../../../lib/apple/asc/reports/values";
import { analyticsConfigSchema, appliesTo, type AnalyticsConfig, type AnalyticsConfigInput } from "./config";
import { dailyContent, instanceText, wantedNames, weeklyContent, type InstanceContent } from "./files";

export type * from "./config";
export { ANALYTICS_REPORT_NAMES, instanceText, dailyContent } from "./files";

export type AccessType = "ONGOING" | "ONE_TIME_SNAPSHOT";

export interface SimReportRequest {
  id: string;
  appleId: string;
  accessType: AccessType;
  stoppedDueToInactivity: boolean;
  /** P3: created, but GET by id is 404 and the list leaves it out. */
  ghost: boolean;
}

export interface SimInstance {
  id: string;
  reportId: string;
  appleId: string;
  reportName: string;
  granularity: "DAILY" | "WEEKLY";
  processingDate: string;
  content: InstanceContent;
}

/** Reports every request lists besides the wanted ones (Detailed, framework usage, commerce). */
const OTHER_REPORTS: [string, string][] = [
  ["App Downloads Detailed", "COMMERCE"],
  ["App Store Purchases Standard", "COMMERCE"],
  ["Home Screen Widget Installs", "FRAMEWORK_USAGE"],
];
const CATEGORY: Record<string, string> = {
  "App Downloads Standard": "COMMERCE",
  "App Store Discovery and Engagement Standard": "APP_STORE_ENGAGEMENT",
  "App Sessions Standard": "APP_USAGE",
  "App Store Installation and Deletion Standard": "APP_USAGE",
};

export class Analytics {
  config!: AnalyticsConfig;
  requests = new Map<string, SimReportRequest>();
  /** POSTs to /v1/analyticsReportRequests, by app and access type (what the tests count). */
  posts: { appleId: string; accessType: AccessType; status: number }[] = [];
  private readonly secret: string;

  constructor(salt: string) {
    this.secret = salt;
    this.open({});
  }

  open(input: AnalyticsConfigInput): void {
    this.config = analyticsConfigSchema.parse(input);
    this.requests.clear();
    this.posts = [];
    for (const appleId of this.config.existingRequests) {
      this.addRequest(appleId, "ONGOING", { stoppedDueToInactivity: this.config.stoppedDueToInactivity.includes(appleId) });
    }
  }

  update(patch: AnalyticsConfigInput): AnalyticsConfig {
    const behaviours = { ...this.config.behaviours, ...(patch.behaviours ?? {}) };
    this.config = analyticsConfigSchema.parse({ ...this.config, ...patch, behaviours });
    return this.config;
  }

  hasApp(appleId: string): boolean {
    return this.config.apps.some((a) => a.appleId === appleId);
  }

  latestProcessingDate(): string {
    return this.config.latestProcessingDate ?? new Date().toISOString().slice(0, 10);
  }

  addRequest(appleId: string, accessType: AccessType, over: Partial<SimReportRequest> = {}): SimReportRequest {
    const request = { id: crypto.randomUUID(), appleId, accessType, stoppedDueToInactivity: false, ghost: false, ...over };
    this.requests.set(request.id, request);
    return request;
  }

  /** The requests the app's list shows (ghosts left out). */
  listed(appleId: string, accessType: string | null): SimReportRequest[] {
    return [...this.requests.values()].filter((r) => r.appleId === appleId && !r.ghost && (accessType === null || r.accessType === accessType));
  }

  /** POST: 201 with the new request, or 409 when the app already has one of that type (a ghost counts). */
  create(appleId: string, accessType: AccessType): { status: 201; request: SimReportRequest } | { status: 409 } {
    const existing = [...this.requests.values()].find((r) => r.appleId === appleId && r.accessType === accessType && !r.stoppedDueToInactivity);
    if (existing) {
      this.posts.push({ appleId, accessType, status: 409 });
      return { status: 409 };
    }
    const request = this.addRequest(appleId, accessType, { ghost: accessType === "ONE_TIME_SNAPSHOT" && this.config.ghostSnapshot });
    this.posts.push({ appleId, accessType, status: 201 });
    return { status: 201, request };
  }

  /** The reports of a request: `r<N>-<requestId>`, wanted ones first, missing ones left out. */
  reportsOf(request: SimReportRequest): { id: string; name: string; category: string }[] {
    const names = wantedNames(this.config);
    return [...names.map((n) => [n, CATEGORY[n] ?? "APP_USAGE"] as [string, string]), ...OTHER_REPORTS]
      .map(([name, category], i) => ({ id: `r${i + 1}-${request.id}`, name, category }))
      .filter((r) => !this.config.missingReports.includes(r.name));
  }

  report(reportId: string): { request: SimReportRequest; name: string } | null {
    const m = /^r(\d+)-(.+)$/.exec(reportId);
    const request = m ? this.requests.get(m[2]) : undefined;
    if (!m || !request || request.ghost) return null;
    const report = this.reportsOf(request).find((r) => r.id === reportId);
    return report ? { request, name: report.name } : null;
  }

  /** Instances of a report over the retention window, oldest first: DAILY every day (twice on a duplicate day), WEEKLY on Fridays. */
  instances(reportId: string): SimInstance[] {
    const report = this.report(reportId);
    if (!report || this.config.emptyReports.includes(report.name) || !wantedNames(this.config).includes(report.name)) return [];
    const latest = this.latestProcessingDate();
    const out: SimInstance[] = [];
    for (let i = this.config.retentionDays - 1; i >= 0; i--) {
      const p = addDays(latest, -i);
      const base = { reportId, appleId: report.request.appleId, reportName: report.name, processingDate: p };
      const daily = dailyContent(this.config, p, report.request.appleId, report.name);
      out.push({ ...base, id: this.instanceId(reportId, p, "d"), granularity: "DAILY", content: daily });
      if (this.config.duplicateInstances.some((e) => appliesTo(e, p, report.request.appleId, report.name))) out.push({ ...base, id: this.instanceId(reportId, p, "dup"), granularity: "DAILY", content: daily });
      if (new Date(`${p}T00:00:00Z`).getUTCDay() === 5) out.push({ ...base, id: this.instanceId(reportId, p, "w"), granularity: "WEEKLY", content: weeklyContent(p) });
    }
    return out;
  }

  private instanceId(reportId: string, processingDate: string, kind: string): string {
    const h = createHash("sha256").update(`${reportId}|${processingDate}|${kind}`).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }

  private readonly instanceIndex = new Map<string, SimInstance>();

  /** Remembers listed instances so their segments can be found by id. */
  remember(instances: SimInstance[]): void {
    for (const i of instances) this.instanceIndex.set(i.id, i);
  }

  instance(id: string): SimInstance | null {
    return this.instanceIndex.get(id) ?? null;
  }

  isGone(instance: SimInstance): boolean {
    return this.config.segmentsGone.includes(instance.processingDate);
  }

  /** The gzip bytes of segment `n` of an instance, and the checksum Apple gives for it. */
  segmentFile(instance: SimInstance, n: number): { gz: Buffer; checksum: string } | null {
    const text = instanceText(this.config, instance.appleId, instance.reportName, instance.content, n, this.config.segmentsPerInstance);
    if (text === null) return null;
    // mtime 0 and a fixed level: a duplicate instance is byte-identical.
    const gz = gzipSync(text, { level: 6 });
    const checksum = createHash("md5").update(this.config.behaviours.checksumOf === "gzip" ? gz : Buffer.from(text)).digest("hex");
    return { gz, checksum };
  }

  sign(segmentId: string, issuedAt: number): string {
    return createHmac("sha256", this.secret).update(`${segmentId}|${issuedAt}`).digest("hex");
  }

  summary() {
    return {
      latestProcessingDate: this.latestProcessingDate(),
      apps: this.config.apps,
      requests: [...this.requests.values()],
      posts: this.posts,
      behaviours: this.config.behaviours,
    };
  }
}
