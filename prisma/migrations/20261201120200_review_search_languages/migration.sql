-- Review search in every language. Each review's language is detected at ingest and stored; its search_vector
-- holds, for the text outside Chinese/Japanese/Korean runs, the stems of that language's dictionary (inflected
-- forms) and the words as written (prefixes, phrases, stop words, reviews whose language is unknown), and for
-- CJK runs, which have no spaces between words, every character and every pair of adjacent characters.
-- Only built-in text search configurations are used: nothing beyond core PostgreSQL is needed.

ALTER TABLE "app_store_reviews" ADD COLUMN "language" VARCHAR(8);

-- review_search_config: the text search configuration for a detected language (ISO 639-1), 'simple' when it is
-- unknown or has no stemmer. review_search_stemmers: the stemming dictionaries of those configurations; a search
-- word is looked up in each of them, since the language of the person searching is not known. Both are built
-- from what this server has, so a server without some of these configurations still migrates.
DO $$
DECLARE
  pairs text[][] := ARRAY[
    ['ar','arabic'], ['ca','catalan'], ['da','danish'], ['de','german'], ['el','greek'], ['en','english'],
    ['es','spanish'], ['et','estonian'], ['eu','basque'], ['fi','finnish'], ['fr','french'], ['hi','hindi'],
    ['hu','hungarian'], ['hy','armenian'], ['it','italian'], ['lt','lithuanian'], ['nl','dutch'], ['no','norwegian'],
    ['pt','portuguese'], ['ro','romanian'], ['ru','russian'], ['sr','serbian'], ['sv','swedish'], ['ta','tamil'],
    ['tr','turkish']];
  branches text := '';
  dicts text[] := '{}';
  i int;
BEGIN
  FOR i IN 1 .. array_length(pairs, 1) LOOP
    IF EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = pairs[i][2] AND cfgnamespace = 'pg_catalog'::regnamespace)
      AND EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = pairs[i][2] || '_stem' AND dictnamespace = 'pg_catalog'::regnamespace) THEN
      branches := branches || format(' WHEN %L THEN %L::regconfig', pairs[i][1], 'pg_catalog.' || pairs[i][2]);
      dicts := dicts || quote_literal('pg_catalog.' || pairs[i][2] || '_stem');
    END IF;
  END LOOP;
  EXECUTE format('CREATE FUNCTION review_search_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %L',
    'SELECT CASE lang' || branches || ' ELSE ''pg_catalog.simple''::regconfig END');
  EXECUTE format('CREATE FUNCTION review_search_stemmers() RETURNS regdictionary[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %L',
    format('SELECT ARRAY[%s]::regdictionary[]', array_to_string(dicts, ', ')));
END $$;

-- Characters of scripts written without spaces between words (Han, Hiragana, Katakana) and Hangul, whose words
-- carry glued particles ("광고가"): they are searched through single characters and pairs of adjacent ones.
-- Text elsewhere is indexed twice: stemmed in the review's language (crashes → crash) and as written (prefixes,
-- stop words such as "nicht", reviews whose language is unknown or has no stemmer).
CREATE FUNCTION review_search_vector(lang text, doc text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  cfg regconfig := review_search_config(lang);
  cjk constant text := '[\u1100-\u11ff\u3005-\u3007\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]';
  runs text;
  v tsvector;
BEGIN
  IF doc ~ cjk THEN
    runs := regexp_replace(doc, '[^' || substr(cjk, 2), ' ', 'g');
    doc := regexp_replace(doc, cjk || '+', ' ', 'g');
  END IF;
  v := to_tsvector('pg_catalog.simple', doc);
  IF cfg <> 'pg_catalog.simple'::regconfig THEN
    v := to_tsvector(cfg, doc) || v;
  END IF;
  IF runs IS NULL THEN
    RETURN v;
  END IF;
  -- Every character, and every pair of adjacent characters within a run: the pairs at even offsets, then,
  -- after splitting off each run's first character, those at odd offsets.
  RETURN v || array_to_tsvector(array_remove(
    regexp_split_to_array(replace(runs, ' ', ''), '')
      || string_to_array(regexp_replace(runs, '(' || cjk || cjk || ')', '\1 ', 'g'), ' ')
      || string_to_array(regexp_replace(regexp_replace(runs, '(^| )(' || cjk || ')', '\1\2 ', 'g'), '(' || cjk || cjk || ')', '\1 ', 'g'), ' '),
    ''));
END $$;

-- One search word as a query: the word as written (a prefix from three characters on, else the whole word) or
-- its stem in any of the stemming dictionaries. 'exact' is a word of a quoted phrase: as written only.
CREATE FUNCTION review_search_word(word text, mode text) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  written text := (ts_lexize('pg_catalog.simple', word))[1];
  alternatives text[];
  stem text;
  d regdictionary;
BEGIN
  IF written IS NULL OR written = '' THEN
    RETURN ''::tsquery;
  END IF;
  alternatives := ARRAY[quote_literal(written) || CASE WHEN mode = 'prefix' AND length(written) >= 3 THEN ':*' ELSE '' END];
  IF mode <> 'exact' THEN
    FOREACH d IN ARRAY review_search_stemmers() LOOP
      stem := (ts_lexize(d, word))[1];
      IF stem IS NOT NULL AND stem <> written AND NOT quote_literal(stem) = ANY (alternatives) THEN
        alternatives := alternatives || quote_literal(stem);
      END IF;
    END LOOP;
  END IF;
  RETURN array_to_string(alternatives, ' | ')::tsquery;
END $$;

-- One GIN index answers the text, country and language together (btree_gin, a contrib module that managed
-- PostgreSQL services offer, puts the scalar columns beside the tsvector): a rare word, country or language, or
-- a rare combination of them, is found without reading the rows that do not match. Rating and reply state stay
-- out: a rating range is a partial match that GIN collects whole (400k rows for "1-2 stars": 110 ms where the
-- rows themselves take 10), and app and project have their btree indexes.
CREATE EXTENSION IF NOT EXISTS btree_gin;
DROP INDEX "app_store_reviews_search_vector_idx";
ALTER TABLE "app_store_reviews" DROP COLUMN "search_vector";
ALTER TABLE "app_store_reviews" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  review_search_vector("language", coalesce("title", '') || ' ' || coalesce("body", '') || ' ' || coalesce("reviewer_nickname", ''))
) STORED;
CREATE INDEX "app_store_reviews_search_idx" ON "app_store_reviews" USING GIN (
  "search_vector", "country_code", "language");

-- The language filter's choices (the languages present in a team) and the filter on a whole team.
CREATE INDEX "app_store_reviews_team_id_language_idx" ON "app_store_reviews" ("team_id", "language");

-- Reviews stored before this migration have no language yet: `npm start` detects theirs in the background
-- (lib/runtime/backfill-review-languages.ts) and finds them through this index, empty once that is done.
CREATE INDEX "app_store_reviews_language_missing_idx" ON "app_store_reviews" ("id") WHERE "language" IS NULL;
