import "server-only";
// The Play Console report files of an app in the bucket, which of them were imported already (by generation), and one
// file read as it downloads.
import { db } from "@/lib/db";
import { GoogleNotFoundError } from "@/lib/google/errors";
import { googleFailureOf, type GoogleFailure } from "@/lib/google/describe";
import type { GoogleClients } from "@/lib/google/clients";
import { readReportCsv, type MalformedLine, type ReportRecord } from "@/lib/google/reports/csv";
import { parseReportObjectName } from "@/lib/google/reports/object-names";

export interface ReportFile {
  name: string;
  month: string;
  dimension: string | null;
  generation: string;
}

/** The package's files under `prefix` (of the dimensions given; null = the reviews file), oldest month first. */
export async function listReportFiles(clients: GoogleClients, bucket: string, prefix: string, packageName: string, dimensions: (string | null)[]): Promise<ReportFile[]> {
  const objects = await clients.storage.listObjects(bucket, prefix);
  return objects
    .flatMap((o) => {
      const parsed = parseReportObjectName(o.name, packageName);
      return parsed && dimensions.includes(parsed.dimension) ? [{ name: o.name, month: parsed.month, dimension: parsed.dimension, generation: o.generation }] : [];
    })
    .sort((a, b) => a.month.localeCompare(b.month) || dimensions.indexOf(a.dimension) - dimensions.indexOf(b.dimension));
}

/** The files whose generation was imported already (a rewritten file has a new generation). */
export async function importedFiles(appId: string, files: readonly ReportFile[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const rows = await db.googlePlayReportFile.findMany({ where: { appId, objectName: { in: files.map((f) => f.name) } }, select: { objectName: true, generation: true } });
  const byName = new Map(rows.map((r) => [r.objectName, r.generation]));
  return new Set(files.filter((f) => byName.get(f.name) === f.generation).map((f) => f.name));
}

export async function markImported(target: { appId: string; teamId: string; projectId: string }, bucket: string, file: ReportFile, rows: number, malformedRows: number): Promise<void> {
  const data = { teamId: target.teamId, projectId: target.projectId, bucket, generation: file.generation, rows, malformedRows, importedAt: new Date() };
  await db.googlePlayReportFile.upsert({ where: { appId_objectName: { appId: target.appId, objectName: file.name } }, create: { appId: target.appId, objectName: file.name, ...data }, update: data });
}

export interface FileRead {
  /** "missing": listed, but gone by the time it was downloaded (404). */
  outcome: "read" | "missing" | "failed";
  records: number;
  malformed: number;
  malformedSamples: MalformedLine[];
  failure: GoogleFailure | null;
}

/** Downloads one file and hands its records to `onBatch` as they are parsed; Google's refusal is a result, not a throw. */
export async function readReportFile(clients: GoogleClients, bucket: string, name: string, onBatch: (records: ReportRecord[]) => Promise<void>): Promise<FileRead> {
  try {
    const result = await readReportCsv(await clients.storage.download(bucket, name), onBatch);
    return { outcome: "read", records: result.records, malformed: result.malformed, malformedSamples: result.malformedSamples, failure: null };
  } catch (error) {
    if (error instanceof GoogleNotFoundError && !error.bucketMissing) return { outcome: "missing", records: 0, malformed: 0, malformedSamples: [], failure: null };
    return { outcome: "failed", records: 0, malformed: 0, malformedSamples: [], failure: googleFailureOf(error) };
  }
}
