// "TOKYO, July 5 (Reuters) -", "Tokyo, June 15 (Jiji Press)—", "WASHINGTON (AP) —", "TOKYO, June 14 (Kyodo) --"; the match runs to the text after it.
// The place is in capitals ("TOKYO, July 5 (Reuters) -") or followed by a date ("Tokyo, June 15 (Jiji Press)—").
// Groups: the date after a capitalised place, the date after a place in title case, the outlet.
export const datelinePrefix =
  /^\s*(?:[A-Z][A-Z.' -]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?(?:,\s*([A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?|[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s*([A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))\s*\(([^)]{2,40})\)\s*[-–—]+\s*/;
