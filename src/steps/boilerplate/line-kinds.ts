import { writtenDays } from '../../dates/written-days.ts';
import { memo } from '../../text/memo.ts';

// What a single copied line looks like, judged on its own. The boilerplate
// step decides from these and from where the line sits what to remove.

// A word is a run without white space that holds a letter or a digit. Each
// try starts only where a run starts, so a long run of dashes costs one pass.
const word = /(?<!\S)[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;
// The classifiers ask the same lines' word counts again and again: keep the latest answers.
const wordCount = memo((text: string) => text.match(word)?.length ?? 0);

export const isBlankish = (text: string) => /^[\s\u00a0\u200b]*$/.test(text);

/** A separator or a lone breadcrumb mark: "/", "|", "-----", "***", "#". */
export const isPunctuationOnly = (text: string) => /^[\s\p{P}\p{S}]+$/u.test(text) && !/[\p{L}\p{N}]/u.test(text);

/** The mark a press release or wire copy ends its story with: "###", "-30-", "-ends-". */
export const isEndMark = (text: string) => /^\s*(?:#{3}|[-–—]\s*30\s*[-–—]|[-–—]?\s*ends\s*[-–—]?)\s*$/i.test(text);

export const isTimestamp = (text: string) =>
  /^(\d{1,2}:\d{2}(\s?[ap]\.?m\.?)?(\s?[A-Z]{2,4})?|((updated|published|posted)\s+)?\d+\s*(m|h|d|min|mins|minutes?|hours?|days?)(\s+ago)?|(updated|published|posted)?\s*\d{1,2}:\d{2}.*)$/i.test(
    text.trim(),
  ) && wordCount(text) <= 6;

/** A short line that is a publication date and little else: "13:11 JST, July 6, 2025", "KYODO NEWS - Jul 19, 2025 - 19:02", "PUBLISHED THU, APR 17 2025". */
export const isDatelineLine = (text: string) => {
  const t = text.trim();
  // Month names are read in any case only on a line with no lower-case letter: in prose "may 5" is a verb and a number.
  return wordCount(t) <= 14 && !/\p{Ll}[.!?]$/u.test(t) && writtenDays(t, { ignoreCase: !/\p{Ll}/u.test(t) }).some((d) => d.year !== null);
};

// Every copyright line holds one of these; looking for them is quicker than trying the pattern at every position.
const copyrightWords = ['©', '(c)', 'copyright', 'all rights reserved', 'distributed by', 'may not be ', 'trust principles', 'our standards:', 'visit ', 'views expressed ', 'do not necessarily reflect'];
const mayBeCopyright = (text: string) => {
  const lower = text.toLowerCase();
  return copyrightWords.some((w) => lower.includes(w));
};

export const isCopyright = (text: string) =>
  text.length < 400 &&
  mayBeCopyright(text) &&
  /(©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|distributed by|may not be (published|broadcast|rewritten|redistributed|reproduced)|trust principles|our standards:|^visit \w+\.(com|org|net)|views expressed (in|here)|do not necessarily reflect)/i.test(
    text,
  );

export const isComments = (text: string) =>
  wordCount(text) <= 12 &&
  /^(\d+\s+)?comments?(\s*\(\d+\))?:?$|comments powered by|what is your opinion|leave (the first|a) (comment|reply)|be the first to comment|(sign|log) in to (comment|reply|join)|^(add|post|write|show|view|load|read) (a |all |more )?comments?|^join the (conversation|discussion)|^\d+ (comments|replies)$|^community guidelines$/i.test(
    text.trim(),
  );

export const isShare = (text: string) =>
  wordCount(text) <= 10 &&
  /^((share|share this( article| story| page)?|share on \w+|tweet|e-?mail|print|copy link|save|facebook|twitter|x|linkedin|whatsapp|reddit|line)\s*[|·•/,:]?\s*)+$/i.test(
    text.trim(),
  );

export const isAdvert = (text: string) =>
  (wordCount(text) <= 30 && /(newsletter.*\b(sign up|subscribe)\b|\bsign up here\b|confidential tip|before it['’]s here, it['’]s on|get the best of .* delivered|download (our|the) app|learn more$)/i.test(text)) ||
  /^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|scroll to continue( with content)?|continue reading( below)?|subscribe( now)?|sign up for (our|the) [\w ]*newsletters?.*|get (our|the) [\w ]*newsletter.*)\.?$/i.test(
    text.trim(),
  );

/** The heading of a block of links to other stories: "Read next", "Related coverage", "Most read". */
export const isRelatedHeading = (text: string) =>
  /^[#\s]*(read (next|more|also)|related( coverage| stories| articles| news| tags| content| topics| links)?|more (from|on|in) [\p{L} .&'-]+|more stories|most (read|popular|viewed|shared)|(editor'?s )?picks?|recommended( for you| stories| reading)?|you (may|might) (also )?(like|be interested in)|also read|trending( now| stories)?|latest( news| stories)?|top stories|what to read next|popular( now| stories)?|see also|[\p{L} ]*access ranking|in case you missed it)\s*:?$/iu.test(
    text.trim(),
  );

/** A wire credit: "Reporting by …; Editing by …", "—With assistance from …". */
export const isCredit = (text: string) =>
  /^[—–-]?\s*\(?(reporting|writing|editing|additional reporting|compiled|edited|with assistance) (by|from)\b/i.test(text.trim());

export const isPopularHeading = (text: string) => /\b(most (read|popular|viewed|shared)|ranking|trending|top stories|popular)\b/i.test(text);

/** A credit or byline: "By Jane Doe", "Alastair Gale, Bloomberg News", "Mariko Ito / Tokyo Desk", "Reporting by …; Editing by …". */
export const isByline = (text: string) => {
  const t = text.trim();
  if (isCredit(t)) return true;
  if (/^[Bb]y\s+\p{Lu}[\p{L}.'-]*(\s+[\p{L}.'\/-]+){0,8}$/u.test(t) && !/[.!?]$/.test(t.replace(/\b\p{Lu}\.$/u, ''))) return true;
  // A name does not start with "The": "The Japan News / Yomiuri Shimbun" credits the outlet.
  return /^(?!The\s)\p{Lu}[\p{L}'-]+(\s+\p{Lu}\.?)?(\s+\p{Lu}[\p{L}'-]+){1,2}(\s*,|\s+[|/—–-])\s*\p{Lu}[\p{L}.&' ]{1,40}?(\s+on)?$/u.test(t);
};

// "Hana Whitcombe in Tokyo", "Ann Lee in Seoul and Tom Hart": a byline that says where the reporter filed from.
const personWords = "\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}\\.)?(?:\\s+\\p{Lu}[\\p{L}'-]+){1,2}";
const placeWords = "\\p{Lu}[\\p{L}.'-]+(?:\\s+\\p{Lu}[\\p{L}.'-]+)?";
const nameInPlace = new RegExp(`^(${personWords})\\s+in\\s+${placeWords}(?:\\s+and\\s+${personWords}(?:\\s+in\\s+${placeWords})?)?$`, 'u');

/**
 * The reporter's name and where they filed from. A Title Case headline can
 * read the same ("Protests Erupt in Tokyo"), so the boilerplate step takes it
 * for a byline only where a byline stands: under the headline, over the time stamp.
 */
export const reporterInPlace = (text: string): string | null => nameInPlace.exec(text.trim())?.[1] ?? null;

/** Page furniture that can stand anywhere: skip links, reading times, e-mail and footer links, correction notes. */
export const isChromePhrase = (text: string) =>
  /^(skip to (main )?content|skip nav(igation)?|here['’]s how you know|an official website of the .+|view (this email )?in (your )?browser|back to top|\d+ min(ute)? read|forwarded this email\?.*|unsubscribe\b.*|you are receiving this (email|newsletter).*|update your preferences|about us|contact us|privacy policy|terms (of (use|service)|and privacy policy)|cookies?( policy| settings)?|your privacy choices|about our ads|link copied|share\/save|gift this article|watch (live|video).*|listen to (this )?article.*|\((updates|corrects|adds|recasts|refiles)\b.*\)|sort by|newest|oldest|top|reply|like \d+|view more comments)\.?$/i.test(
    text.trim(),
  );

/** A photo caption or credit: "REUTERS/…", "(AP Photo/…)", "Photo/Illustration …", "Getty Images". */
export const isCaption = (text: string) =>
  wordCount(text) <= 60 &&
  (/(\bREUTERS\/|\(AP Photo|\bGetty Images\b|\/AFP\b|\bFile Photo\b|^Photo\/Ill?u?s?tration|^\(?Photo(graph)?( by|:)|\bPhoto: )/i.test(text) ||
    // "… speaks to reporters in Washington on June 6, 2025. (Outlet/Photographer)": a story tells it in the past, without a credit.
    /\b(speaks|appears|attends|arrives|waves|poses|gestures|listens|is seen|looks on|walks|shakes hands|delivers|addresses)\b[^()]*\.\s*\([^()]{2,80}\)$/.test(text.trim()));

/** A credit line of a desk, not a person: "Business reporter", "Staff writer", "Tokyo Desk". */
export const isStaffRole = (text: string) => /^(staff writer|(senior |chief )?(\w+ )?(reporter|correspondent|editor|columnist|contributor|writer|desk|bureau))$/i.test(text.trim());

/** Site navigation and labels above the article: "Current News", "Published in News & Features". */
export const isSiteChrome = (text: string) => {
  const t = text.trim();
  if (isPunctuationOnly(t)) return true;
  if (/^(published|posted|filed) (in|under)\b/i.test(t)) return true;
  if (/\s[>›»]\s/.test(t) && wordCount(t) <= 10) return true;
  if (/^(home|menu|search|sign in|log in|subscribe|skip to (main )?content|skip nav(igation)?|advertisement|topics?:.*|tags?:.*|filed under:.*)$/i.test(t)) return true;
  return wordCount(t) <= 3 && !/[.!?"”]$/.test(t);
};

/** A name and nothing else: "Jane Doe", "Mary J. Roe", "Ana de Souza" is not one. */
export const isPersonName = (text: string) => /^\p{Lu}[\p{L}'-]+(\s+\p{Lu}\.)?(\s+\p{Lu}[\p{L}'-]+){1,2}$/u.test(text.trim());

/** A social media handle on a line of its own, as a byline shows it: "@JANEDOE". */
export const isHandle = (text: string) => /^@[A-Za-z0-9_]{2,30}$/.test(text.trim());

/**
 * The line that opens a video or audio player copied with the story: "watch
 * now", "VIDEO02:41", "▶ 3:15", "Video duration 1:02". Its title and show name
 * follow it.
 */
export const isMediaMarker = (text: string) =>
  /^(watch now|play video|listen now|(video|audio)( duration)?:?\s*\d{1,2}:\d{2}(:\d{2})?|[▶►]\s*\d{1,2}:\d{2}(:\d{2})?|\d{1,2}:\d{2}(:\d{2})?\s*(video|audio))$/i.test(text.trim());

/** Strips a list marker that copied text keeps: "1. ", "2) ", "- ", "• ", "# ". */
export const withoutListMarker = (text: string) => text.trim().replace(/^(\d{1,2}[.)]|[-*•·#]+)\s+/, '');

/** Looks like a headline: a few words, no sentence punctuation at the end. */
export const isHeadlineLike = (text: string) => {
  const t = withoutListMarker(text);
  if (/[.!?:;,"”’]$/.test(t) || !/^[\p{Lu}\p{N}"“‘$]/u.test(t)) return false;
  const n = wordCount(t);
  return n >= 3 && n <= 30;
};

export const isNumberedItem = (text: string) => /^\s*\d{1,2}[.)]\s+\S/.test(text);

/** A sentence of running text: long enough and ending like a sentence. */
export const isProse = (text: string) => /[.!?"”’)]$/.test(text.trimEnd()) && wordCount(text) >= 10;

// What a page's own sentences do: tell the reader to act ("Follow us on X."), thank them, sell them a
// newsletter or note an edit. A story seldom does any of it, least of all once it has ended.
const pageSpeaks =
  /^(?:follow|sign|subscribe|click|tap|read|download|share|watch|listen|get|join|e-?mail|send|contact|support|donate|thanks?|visit|see|register|log|learn|find|discover|try|stay|don['’]t|please)\b|^(?:this|the) (?:article|story|report|post|piece|page) (?:has been|was|is|will be)\b|\bcontributed (?:reporting|to this)\b|\bdelayed (?:at least |by )?\d+ minutes\b|\breal-time snapshot\b|\b(?:newsletters?|subscribers?|subscription|inbox|reader-supported)\b|@|https?:|www\.|^[^\s:]+:/i;

/** A line in which the page speaks to its reader rather than the story telling its news. */
export const speaksForPage = (text: string) => pageSpeaks.test(text.trim());

/**
 * A short sentence that can close a story: "Talks resume next week.", "Lutnick
 * did not comment." A full sentence, ending with a full stop (a teaser headline
 * asks or exclaims), that does not speak to the reader the way a page does.
 */
export const isClosingSentence = (text: string) => {
  const t = text.trim();
  return /^[\p{Lu}\p{N}"“‘]/u.test(t) && /\.["”’)]?$/.test(t) && wordCount(t) >= 3 && !speaksForPage(t);
};
