// What a single copied line looks like, judged on its own. The boilerplate
// step decides from these and from where the line sits what to remove.

const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

export const isBlankish = (text: string) => /^[\s\u00a0\u200b]*$/.test(text);

/** A separator or a lone breadcrumb mark: "/", "|", "-----", "***", "#". */
export const isPunctuationOnly = (text: string) => /^[\s\p{P}\p{S}]+$/u.test(text) && !/[\p{L}\p{N}]/u.test(text);

export const isTimestamp = (text: string) =>
  /^(\d{1,2}:\d{2}(\s?[ap]\.?m\.?)?(\s?[A-Z]{2,4})?|\d+\s+(min|mins|minutes|hours?|days?)\s+ago|(updated|published|posted)?\s*\d{1,2}:\d{2}.*)$/i.test(
    text.trim(),
  ) && wordsOf(text).length <= 6;

const monthName = '(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(t(ember)?)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\\.?';

/** A line holding only a publication time stamp: "13:11 JST, July 6, 2025", "Updated: July 6, 2025". */
export const datelineLine = new RegExp(
  `^((published|updated|posted|first published)( on|:)?\\s+)?((\\d{1,2}:\\d{2}\\s*([AP]M)?\\s*[A-Z]{0,4},?\\s+)?${monthName}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${monthName}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})(,?\\s*(at\\s+)?\\d{1,2}[:.]\\d{2}\\s*([ap]\\.?m\\.?)?\\s*[A-Z]{0,4})?\\.?$`,
  'i',
);
export const isDatelineLine = (text: string) => datelineLine.test(text.trim());

export const isCopyright = (text: string) =>
  text.length < 400 &&
  /(©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|distributed by|may not be (published|broadcast|rewritten|redistributed|reproduced)|trust principles|our standards:|^visit \w+\.(com|org|net))/i.test(
    text,
  );

export const isComments = (text: string) =>
  wordsOf(text).length <= 12 &&
  /^(\d+\s+)?comments?(\s*\(\d+\))?:?$|comments powered by|what is your opinion|leave (the first|a) (comment|reply)|be the first to comment|(sign|log) in to (comment|reply|join)|^(add|post|write|show|view|load|read) (a |all |more )?comments?|^join the (conversation|discussion)|^\d+ (comments|replies)$|^community guidelines$/i.test(
    text.trim(),
  );

export const isShare = (text: string) =>
  wordsOf(text).length <= 10 &&
  /^((share|share this( article| story| page)?|share on \w+|tweet|e-?mail|print|copy link|save|facebook|twitter|x|linkedin|whatsapp|reddit|line)\s*[|·•/,:]?\s*)+$/i.test(
    text.trim(),
  );

export const isAdvert = (text: string) =>
  /^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|scroll to continue( with content)?|continue reading( below)?|subscribe( now)?|sign up for (our|the) [\w ]*newsletters?.*|get (our|the) [\w ]*newsletter.*)\.?$/i.test(
    text.trim(),
  );

/** The heading of a block of links to other stories: "Read next", "Related coverage", "Most read". */
export const isRelatedHeading = (text: string) =>
  /^[#\s]*(read (next|more|also)|related( coverage| stories| articles| news| tags| content| topics| links)?|more (from|on|in) [\p{L} .&'-]+|more stories|most (read|popular|viewed|shared)|(editor'?s )?picks?|recommended( for you| stories| reading)?|you (may|might) (also )?(like|be interested in)|also read|trending( now| stories)?|latest( news| stories)?|top stories|what to read next|popular( now| stories)?|see also|[\p{L} ]*access ranking|in case you missed it)\s*:?$/iu.test(
    text.trim(),
  );

/** A credit or byline: "By Jane Doe", "Alastair Gale, Bloomberg News", "Reporting by …; Editing by …". */
export const isByline = (text: string) => {
  const t = text.trim();
  if (/^\(?(reporting|writing|editing|additional reporting|compiled|edited) by\b/i.test(t)) return true;
  if (/^by\s+\p{Lu}[\p{L}.'-]*(\s+[\p{L}.'-]+){0,8}$/u.test(t) && !/[.!?]$/.test(t.replace(/\b\p{Lu}\.$/u, ''))) return true;
  return /^\p{Lu}[\p{L}'-]+(\s+\p{Lu}\.?)?(\s+\p{Lu}[\p{L}'-]+){1,2}\s*(,|\||—|–|-)\s*\p{Lu}[\p{L}.&' ]{1,40}?(\s+on)?$/u.test(t);
};

/** Site navigation and labels above the article: "Current News", "Published in News & Features". */
export const isSiteChrome = (text: string) => {
  const t = text.trim();
  if (isPunctuationOnly(t)) return true;
  if (/^(published|posted|filed) (in|under)\b/i.test(t)) return true;
  if (/\s[>›»]\s/.test(t) && wordsOf(t).length <= 10) return true;
  if (/^(home|menu|search|sign in|log in|subscribe|skip to (main )?content|advertisement|topics?:.*|tags?:.*|filed under:.*)$/i.test(t)) return true;
  return wordsOf(t).length <= 3 && !/[.!?"”]$/.test(t);
};

/** Strips a list marker that copied text keeps: "1. ", "2) ", "- ", "• ", "# ". */
export const withoutListMarker = (text: string) => text.trim().replace(/^(\d{1,2}[.)]|[-*•·#]+)\s+/, '');

/** Looks like a headline: a few words, no sentence punctuation at the end. */
export const isHeadlineLike = (text: string) => {
  const t = withoutListMarker(text);
  const n = wordsOf(t).length;
  return n >= 3 && n <= 30 && !/[.!?:;,"”’]$/.test(t) && /^[\p{Lu}\p{N}"“‘$]/u.test(t);
};

export const isNumberedItem = (text: string) => /^\s*\d{1,2}[.)]\s+\S/.test(text);

/** A sentence of running text: long enough and ending like a sentence. */
export const isProse = (text: string) => wordsOf(text).length >= 10 && /[.!?"”’)]$/.test(text.trim());
