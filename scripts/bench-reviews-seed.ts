// Seeds N generated multilingual reviews into a project (five apps, three years, 13 storefronts per language),
// each with its language detected as the sync detects it, in batches of one json parameter each like the sync's
// page write. The text indexes are built once at the end, as a restore would.
import type pg from "pg";
import { detectReviewLanguages } from "../lib/data/reviews/language";
import { createCorpus, type GeneratedReview, type Lang } from "./bench-reviews-corpus";

const STOREFRONTS: Record<Lang, string[]> = {
  en: ["us", "gb", "ca", "au", "ie", "nz"],
  de: ["de", "at", "ch"],
  fr: ["fr", "be", "ca", "ch"],
  es: ["es", "mx", "ar", "co"],
  pt: ["br", "pt"],
  ru: ["ru", "kz", "by"],
  ja: ["jp"],
  zh: ["cn", "tw", "hk"],
  ko: ["kr"],
};

export interface SeedResult {
  count: number;
  /** Share of reviews whose detected language is the one they were written in. */
  languageAccuracy: number;
  detectMs: number;
}

export async function seedReviews(
  pool: pg.Pool,
  o: { teamId: string; projectId: string; appIds: string[]; count: number; seed: number; onReview?: (index: number, review: GeneratedReview) => void },
): Promise<SeedResult> {
  await pool.query(`DROP INDEX IF EXISTS app_store_reviews_search_idx`);
  await pool.query(`DROP INDEX IF EXISTS app_store_reviews_reviewer_nickname_trgm_idx`);
  const corpus = createCorpus(o.seed);
  let correct = 0;
  let detectMs = 0;
  const batch = 5000;
  for (let start = 0; start < o.count; start += batch) {
    const generated = [];
    for (let g = start; g < Math.min(o.count, start + batch); g++) {
      const r = corpus(g);
      o.onReview?.(g, r);
      const storefronts = STOREFRONTS[r.lang];
      generated.push({ g, r, country: storefronts[g % storefronts.length] });
    }
    const t = performance.now();
    const languages = await detectReviewLanguages(generated.map(({ r, country }) => ({ title: r.title, body: r.body, countryCode: country })));
    detectMs += performance.now() - t;
    const rows = generated.map(({ g, r, country }, i) => {
      if (languages[i] === r.lang) correct++;
      return {
        e: `seed-${g}`,
        a: o.appIds[g % o.appIds.length],
        rating: 1 + ((g * 7919) % 5),
        title: r.title,
        body: r.body,
        nick: `user${(g * 2654435761) % 200000}`,
        cc: country,
        at: new Date(Date.UTC(2026, 0, 1) - g * 90_000).toISOString(),
        reply: g % 4 === 0 ? "Thanks for the review!" : null,
        language: languages[i],
      };
    });
    await pool.query(
      `INSERT INTO app_store_reviews (team_id, project_id, app_id, external_id, rating, title, body, reviewer_nickname, country_code,
         created_at_in_store, developer_response, developer_response_state, language)
       SELECT $1, $2, a, e, rating, title, body, nick, cc, at, reply, CASE WHEN reply IS NOT NULL THEN 'PUBLISHED'::response_state END, language
       FROM json_to_recordset($3::json) AS t(e text, a uuid, rating smallint, title text, body text, nick text, cc text, at timestamptz, reply text, language text)`,
      [o.teamId, o.projectId, JSON.stringify(rows)],
    );
  }
  // The same definitions as the migration's.
  await pool.query(`CREATE INDEX app_store_reviews_search_idx ON app_store_reviews USING GIN (
    search_vector, country_code, language)`);
  await pool.query(`CREATE INDEX app_store_reviews_reviewer_nickname_trgm_idx ON app_store_reviews USING GIN (reviewer_nickname gin_trgm_ops)`);
  await pool.query(`VACUUM ANALYZE app_store_reviews`);
  return { count: o.count, languageAccuracy: correct / o.count, detectMs };
}
