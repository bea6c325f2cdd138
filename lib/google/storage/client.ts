// HTTP-only Cloud Storage JSON API client for the Play Console reports bucket: list objects by prefix, download
// one object as a stream (never held whole).
import { z } from "zod";
import { decodeAnswer, googleRequest, type GoogleHttpOptions, type GoogleStats, type RequestContext } from "../request";
import type { GoogleTokenProvider } from "../token";

export interface StorageObject {
  name: string;
  /** Bytes, when Google says. */
  size: number | null;
  /** ISO 8601. */
  updated: string | null;
  /** Changes whenever the object is rewritten: the key for "already imported". */
  generation: string;
}

const rawListSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            name: z.string(),
            size: z.union([z.string(), z.number()]).optional(),
            updated: z.string().optional(),
            generation: z.union([z.string(), z.number()]).optional(),
            md5Hash: z.string().optional(),
          })
          .loose(),
      )
      .optional(),
    nextPageToken: z.string().optional(),
  })
  .loose();

export interface CloudStorageClientOptions {
  tokens: GoogleTokenProvider;
  /** e.g. https://storage.googleapis.com */
  baseUrl: string;
  http: GoogleHttpOptions;
  stats?: GoogleStats;
}

export interface CloudStorageClient {
  /** Every object whose name starts with `prefix`, following nextPageToken (at most `maxResults` when given). */
  listObjects(bucket: string, prefix: string, options?: { maxResults?: number }): Promise<StorageObject[]>;
  /** The object's bytes as they arrive. GoogleNotFoundError when it does not exist. */
  download(bucket: string, objectName: string): Promise<AsyncIterable<Uint8Array>>;
}

const SERVICE = "Cloud Storage" as const;

export function createCloudStorageClient(o: CloudStorageClientOptions): CloudStorageClient {
  const base = `${o.baseUrl.replace(/\/+$/, "")}/storage/v1/b`;
  const ctx: RequestContext = { service: SERVICE, tokens: o.tokens, http: o.http, stats: o.stats };

  return {
    async listObjects(bucket, prefix, options = {}) {
      const objects: StorageObject[] = [];
      let pageToken: string | null = null;
      do {
        const q = new URLSearchParams({ prefix, fields: "items(name,size,updated,generation),nextPageToken" });
        if (options.maxResults) q.set("maxResults", String(options.maxResults));
        if (pageToken) q.set("pageToken", pageToken);
        const answer = await googleRequest(ctx, `${base}/${encodeURIComponent(bucket)}/o?${q}`, { operation: "storage.list" });
        const page = decodeAnswer(SERVICE, "storage.list", (json) => rawListSchema.parse(json ?? {}), answer.json);
        for (const item of page.items ?? []) {
          objects.push({
            name: item.name,
            size: item.size === undefined ? null : Number(item.size),
            updated: item.updated ?? null,
            generation: String(item.generation ?? item.md5Hash ?? item.updated ?? ""),
          });
        }
        if (options.maxResults && objects.length >= options.maxResults) break;
        pageToken = page.nextPageToken && page.nextPageToken !== pageToken ? page.nextPageToken : null;
      } while (pageToken);
      return objects;
    },

    async download(bucket, objectName) {
      // The object name must be fully encoded ("/" → %2F) or the path reaches another endpoint.
      const answer = await googleRequest(ctx, `${base}/${encodeURIComponent(bucket)}/o/${encodeURIComponent(objectName)}?alt=media`, { operation: "storage.download", stream: true });
      const body = answer.response?.body;
      if (!body) return (async function* () {})();
      return body;
    },
  };
}
