-- Names compared without the characters that show nothing (lib/records/fold.ts; docs/security.md,
-- "Names and titles show what they hold").
--
-- "Kaza<U+200B>khstan" looks like Kazakhstan, but `name_folded` kept the zero-width space, so
-- the desk's "Recorded twice?" notice (lib/desk/likely-duplicates.ts), the pickers, the
-- namesakes under a name field, a topic's "the same name" refusal and the import's name
-- matching all took it for another name. New names no longer keep such characters
-- (cleanLine, lib/records/fields.ts), but names saved before may, and a name may keep the
-- ones a script needs (a Persian zero-width non-joiner, a right-to-left mark), which the same
-- name typed without them must still match. So `name_folded` now also:
--
-- - composes the text (NFC) before it takes the accents off, as a keyboard writes it;
-- - drops every default-ignorable code point (zero-width space, joiners, direction marks and
--   controls, word joiner, byte order mark, soft hyphen, variation selectors, Hangul fillers,
--   tags, …: the ranges JavaScript's \p{Default_Ignorable_Code_Point} matches in Unicode 15);
-- - writes every kind of space (no-break, narrow, ideographic, …) as one plain space, and a
--   run of them as one.
--
-- foldText (lib/records/fold.ts) folds the same way; lib/records/fold.test.ts holds the two
-- together. The indexes on folded names are built again with the new function.

-- AlterFunction
CREATE OR REPLACE FUNCTION name_folded(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
  SELECT regexp_replace(
    lower(unaccent('unaccent'::regdictionary, regexp_replace(normalize(name, NFC), '[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8\U0001BCA0-\U0001BCA3\U0001D173-\U0001D17A\U000E0000-\U000E0FFF]', '', 'g'))),
    '[ \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+', ' ', 'g');
END;

-- Reindex
REINDEX INDEX "Country_name_folded_idx";
REINDEX INDEX "Person_name_folded_idx";
REINDEX INDEX "Organization_name_folded_idx";
REINDEX INDEX "Agreement_name_folded_idx";
REINDEX INDEX "Topic_name_folded_idx";
REINDEX INDEX "Organization_acronym_key_idx";
