import { clauseAt } from '../text/clauses.ts';
import type { DateMention } from './mentions.ts';

// A date that something must happen by, rather than a date something
// happened on: "before a looming August 1 tariff deadline", "by July 9",
// "when tariffs are set to jump", "set to expire next week".

// "before a looming August 1 deadline": only a few adjectives may stand between the word and the date.
const byWords = /\b(before|by|until|till|ahead of|no later than|prior to)\s+(?:(?:a|an|the|its|their)\s+)?(?:(?:looming|new|original|extended|current|next|upcoming|final|fast-approaching|self-imposed)\s+){0,2}$/iu;
const deadlineAfter = /^\s*(?:[\p{L}-]+\s+){0,2}(deadline|cutoff|cut-off|expiry|expiration)\b/iu;
// "from Aug. 1", "starting August 1": the day a tariff starts, when the sentence speaks of one.
const startWords = /\b(from|starting|effective|beginning|as of|to)\s+$/i;
const tariffTalk = /\b(tariffs?|levy|levies|duty|duties|suspension|pause|deadline)\b/i;
// "ahead of the July 20 upper house election" dates an event, not a deadline.
const eventAfter = /^\s*(?:[\p{L}-]+\s+){0,3}(elections?|summit|meeting|talks|visit|vote|ceremony)\b/iu;
const changeCue = /\b(deadline|expir(?:e|es|ing)|laps(?:e|es)|ends?|runs? out|take effect|takes effect|go into effect|kick in|set to (?:jump|rise|increase|climb|take effect|expire|resume|return)|will (?:jump|rise|increase|resume|return))\b/i;

export function isDeadlineMention(sentence: string, mention: DateMention): boolean {
  if (mention.kind === 'same-day' || !mention.date) return false;
  const before = sentence.slice(0, mention.index);
  const after = sentence.slice(mention.index + mention.text.length);
  if (eventAfter.test(after)) return false;
  if (byWords.test(before) || deadlineAfter.test(after)) return true;
  if (mention.kind === 'absolute' && startWords.test(before) && tariffTalk.test(sentence)) return true;
  // "the pause expires this week": the date a change is due, whatever the tense.
  if (changeCue.test(before.slice(-40))) return true;
  return mention.tense === 'future' && changeCue.test(clauseAt(sentence, mention.index).text);
}
