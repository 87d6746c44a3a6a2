// "TOKYO, July 5 (Reuters) -", "Tokyo, June 15 (Jiji Press)—", "WASHINGTON (AP) —", "TOKYO, June 14 (Kyodo) --",
// and, without an outlet, "WASHINGTON, July 22, 2025 —"; the match runs to the text after it.
// The place is in capitals ("TOKYO, July 5 (Reuters) -") or followed by a date ("Tokyo, June 15 (Jiji Press)—").
// Without an outlet the date is required: a capitalised word and a dash alone open many sentences ("NHK — …").
// Groups: the date after a capitalised place, the date after a place in title case, the outlet, the date with no outlet.
const date = String.raw`[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?`;
const capitalPlace = String.raw`[A-Z][A-Z.' -]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?`;
const titlePlace = String.raw`[A-Z][a-z]+(?: [A-Z][a-z]+)?`;
export const datelinePrefix = new RegExp(
  String.raw`^\s*(?:(?:${capitalPlace}(?:,\s*(${date}))?|${titlePlace},\s*(${date}))\s*\(([^)]{2,40})\)|(?:${capitalPlace}|${titlePlace}),\s*(${date}))\s*[-–—]+\s*`,
);
