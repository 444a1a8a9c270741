// How soon a person must read a message. Money taken wrongly, a locked or hacked account, danger to
// someone's health and legal threats cannot wait in the queue. Rules are phrases, not single words,
// so praise ("your team is on fire", "killer feature") and asides ("not urgent") raise no alarm.
// The phrase helpers below are shared with topics.ts and pr-risk.ts.

export type Urgency = 'low' | 'normal' | 'high' | 'critical';
export const URGENCIES: readonly Urgency[] = ['low', 'normal', 'high', 'critical'];

/** An agent reads the cues at a glance; more would be noise. */
export const MAX_CUES = 3;

/** In a phrase, " " stands for any run of whitespace and " ?" for none or some. */
const spaced = (source: string): string => source.replaceAll(' ?', String.raw`\s*`).replaceAll(' ', String.raw`\s+`);

/** One pattern from whole-word alternatives. */
export function phrases(alternatives: readonly string[], flags = ''): RegExp {
  return new RegExp(spaced(String.raw`\b(?:${alternatives.join('|')})(?!\w)`), flags);
}

/**
 * `word` where `context` comes just before it. The regex engine then stops only at `word`; a phrase
 * that opens with "a", "is" or "not" would be tried at nearly every word, at several times the cost.
 */
export const after = (context: string, word: string): string => String.raw`${word}(?<=\b${context} ${word})`;
export const notAfter = (context: string, word: string): string => String.raw`${word}(?<!\b${context} ${word})`;

/**
 * Which of several phrase lists occur in a text. One combined pattern reads the text once, about
 * half the cost of a pattern per list. Where a list matches, the later lists are tried at the same
 * place too ("not loading" is a bug and slowness), so the answer is that of testing each list alone.
 */
export function phraseSets(lists: readonly (readonly string[])[]): (text: string) => boolean[] {
  const groups = lists.map((alternatives) => `(${alternatives.join('|')})`);
  // fromList[k] holds lists k and later; fromList[0] scans, the others are tried at one place.
  const fromList = groups.map((_, k) => new RegExp(phrases(groups.slice(k)).source, k ? 'y' : 'g'));
  const scan = fromList[0]!;
  // A capturing group inside a list would shift the group numbers that name the lists.
  if (new RegExp(`${scan.source}|`).exec('')!.length !== lists.length + 1) throw new Error('phrases must not capture');
  return (text) => {
    const found = lists.map(() => false);
    scan.lastIndex = 0;
    for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
      let first = 0;
      for (let hit: RegExpExecArray | null = m; hit !== null; ) {
        let group = 1;
        while (hit[group] === undefined) group++;
        first += group;
        found[first - 1] = true;
        const rest = fromList[first];
        if (rest === undefined) break;
        rest.lastIndex = m.index;
        hit = rest.exec(text);
      }
      scan.lastIndex = m.index + 1;
    }
    return found;
  };
}

/** Threats of court or of a regulator; pr-risk.ts reads them too, as a public escalation. */
export const LEGAL_THREAT: readonly string[] = [
  // "I'm a lawyer" and "my lawyer recommended you" are no threat.
  notAfter("(?:i'm|i am|im|as|being) an?", '(?:lawyers?|attorneys?|solicitors?)') +
    '(?! (?:recommended|referred|suggested|told me about))',
  'legal (?:action|proceedings|steps|claim)', 'lawsuits?', 'class action', 'small claims', 'sued', 'suing',
  'sue (?:you|your|them|this company|the company)',
  after("(?:going|gonna|want|plan|planning|intend|ready|prepared|about|decided|threatening|i'll|i will|we'll|we will|will|" +
    'would|could|might|can)(?: to)?', 'sue'),
  after('take (?:you|this|it|them|the company|your company) to', 'court'), 'trading standards',
  'consumer (?:protection|rights)', 'ombudsman', 'report (?:you|this|your company|you guys|it) to (?:the )?(?:authorities|' +
    'police|ftc|cfpb|fca|cma|regulators?|attorney general|trading standards|consumer \\w+|ombudsman)',
];

const MONEY = '(?:money|funds|balance|savings|wallet|cash)';
const NOT = "(?:never|not|haven't|hasn't|didn't|have not|has not|did not|still not|still haven't|still hasn't|yet to)";
const ORDER = '(?:order|package|parcel|delivery|items?|shipment|goods|purchase)';
const CANT = "(?:can't|cannot|can not|unable to|couldn't|could not|won't let me|doesn't let me|not able to)";
// "Paid twice the price elsewhere" is about the price.
const TIMES = '(?:twice|(?:two|2|three|3|multiple|several) times|more than once)(?! (?:the|as|what|that)\\b)';
const CAUSE = '(?:it|unit|device|charger|battery|plug|cable|socket|outlet|adapter|phone|laptop|heater|oven|stove|kettle|' +
  'toaster)';

// Critical first: the first rule that matches sets the urgency.
const RULES: readonly { urgency: 'high' | 'critical'; cue: string; phrases: readonly string[] }[] = [
  { urgency: 'critical', cue: 'charged twice', phrases: [
    // Only a card or an item between: "charged and then asked twice" is no double charge.
    after('(?:charged|billed|debited|paid|taken|charging|billing)(?: (?:me|us|my card|my account))?(?: for (?:the same |' +
      'one |my |this |that )?\\w+)?', TIMES),
    'charged (?:me |us )?double', 'double[- ]?(?:charged|charges?|charging|billed|billing|payments?|debit)',
    'duplicate (?:charges?|payments?|transactions?|debits?|billing)'] },
  { urgency: 'critical', cue: 'unauthorized charge', phrases: [
    'unauthori[sz]ed (?:charges?|payments?|transactions?|debits?|withdrawals?|purchases?)',
    'fraudulent (?:charges?|payments?|transactions?|debits?|activity|purchases?)',
    after("(?:never|didn't|did not) (?:authori[sz]ed?|approved?|agreed? to|sign(?:ed)? up for|made|make)" +
      '(?: this| that| these| those| the| any)?', '(?:charges?|payments?|transactions?|purchases?|subscription|debit)'),
    after("(?:don't|do not) recogni[sz]e (?:this|these|the|that|a)", '(?:charges?|payments?|transactions?)'),
    'charged (?:me |us )?without (?:my|our) (?:consent|permission|authori[sz]ation)',
    '(?:someone|somebody) (?:\\w+ )?used my (?:card|account|paypal)'] },
  { urgency: 'critical', cue: 'hacked account', phrases: [
    'hacked', 'account (?:\\w+ )?(?:compromised|taken over|breached)', 'unauthori[sz]ed (?:access|log ?ins?|sign[- ]?ins?)',
    '(?:someone|somebody|stranger) (?:\\w+ )?(?:logged|logging|got|broke|accessed|changed) (?:into |in to |in )?my ' +
      '(?:account|password|email)'] },
  { urgency: 'critical', cue: 'locked account', phrases: [
    'locked out', 'account (?:\\w+ ){0,2}(?:locked|suspended|frozen|blocked|disabled|deactivated)',
    '(?:locked|suspended|froze|frozen|blocked|disabled|deactivated) my account', `${MONEY} (?:\\w+ )?(?:frozen|locked|stuck)`,
    after(`${CANT} (?:access|get to|get at|withdraw|reach)(?: my| our)?`, MONEY),
    after(`${CANT} (?:log ?in|sign in|get into|access)[^.!?]{0,40}`, MONEY)] },
  { urgency: 'critical', cue: 'safety', phrases: [
    // Fire only as a thing that burns: "your team is on fire" and "this app is fire" are praise.
    after(`(?:caught|catch(?:es|ing)?|set (?:\\w+ )?on|started a|${CAUSE} (?:was |is |went |literally )?on)`, 'fire'),
    'flames', after(`(?:${CAUSE} (?:was|is|started|began|kept)|started|began)`, 'smoking'),
    'smoke (?:came|coming|poured|pouring|started|from|out of)', after('(?:there was|saw|smelled|smell)', 'smoke'),
    'burning smell', 'smell(?:s|ed)? (?:of |like )?burning', 'burn(?:ed|t|s)? (?:me|myself|him|her|them|us)',
    after('(?:got|get|getting)', 'burn(?:ed|t)'),
    after('(?:a|severe|bad|nasty|serious|second[- ]degree|third[- ]degree)', 'burns?'),
    'burn(?:ed|t)? (?:my|his|her|their|our) (?:hands?|fingers?|skin|arms?|legs?|face|mouth|tongue|lips?|child|son|' +
      'daughter|kids?|baby)',
    'injur(?:y|ies|ed|ing)', 'hurt (?:myself|himself|herself|themselves|my (?:child|son|daughter|kid|baby))',
    after('(?:ended up|went|taken|rushed) (?:in|to)(?: the)?', '(?:hospital|er|a&e|emergency room)'),
    'electric(?:al)? shocks?', 'electrocut\\w*', 'allergic reactions?', 'anaphyla\\w*', 'food poisoning', 'poisoned',
    'chok(?:e|ed|es|ing)', 'dangerous', 'unsafe', 'hazardous', after('(?:safety|fire|choking|health)', '(?:hazard|risk)')] },
  { urgency: 'critical', cue: 'legal threat', phrases: LEGAL_THREAT },

  { urgency: 'high', cue: 'charged, no order', phrases: [
    after('(?:charged|paid|payment went through|money (?:was )?taken)[^.!?]{0,40}', 'but') +
      "\\b[^.!?]{0,30}\\b(?:no (?:order|confirmation)|order (?:\\w+ )?(?:failed|didn't go through|never went through|" +
      "isn't showing|not showing|wasn't placed)|(?:never|didn't|haven't) (?:got|get|received?) (?:any |an |the |my )?" +
      '(?:order|confirmation))',
    after('cancel+ed(?: \\w+){0,4} (?:but|and)(?: \\w+){0,2}', '(?:charged|billed)')] },
  { urgency: 'high', cue: 'order not arrived', phrases: [
    after(`${ORDER}\\b[^.!?]{0,30}\\b${NOT}(?: \\w+)?`, '(?:arrived?|come|came|delivered|shown up|turned up|showed up)'),
    after(`${NOT}(?: \\w+)? (?:received?|got|get) (?:my|the|an?|any|our)(?: \\w+)?`, ORDER),
    after("(?:it|they) (?:never|still hasn't|hasn't|has not|still haven't|haven't|didn't|did not)", '(?:arrived?|came|come)'),
    `(?:missing|lost|stolen) ${ORDER}`, after(`${ORDER}(?: \\w+){0,2}`, '(?:missing|lost|stolen)'),
    'lost in (?:the )?(?:post|mail|transit)', after('(?:marked|shows|showing|says)(?: as)?', 'delivered but')] },
  { urgency: 'high', cue: 'cancelled order', phrases: [
    after('order(?: \\w+){0,2} (?:was|got|has been|had been|been|is)(?: \\w+)?', 'cancel+ed') +
      '(?! (?:as (?:requested|asked)|successfully))',
    after('(?:you|they|you guys|someone|your (?:system|site|team|company))(?: \\w+)?', 'cancel+ed my (?:\\w+ )?order'),
    'cancel+ed (?:\\w+ ){0,3}without (?:asking|telling|notice|warning|any|my|consent|permission|reason|explanation)'] },
  { urgency: 'high', cue: 'refund missing', phrases: [
    'waiting (?:\\w+ ){0,4}refund', after('(?:still no|no sign of(?: my| the| a)?)', 'refund'), "where(?:'s| is) my refund",
    `refund (?:\\w+ ){0,3}${NOT} (?:\\w+ )?(?:arrived|received|come|came|been|processed|shown|showed|issued|paid)`,
    after(`${NOT}(?: \\w+)? (?:received?|got|get|seen|see) (?:my|the|a|any|our)(?: \\w+)?`, 'refund')] },
  { urgency: 'high', cue: 'chargeback', phrases: [
    'charge ?backs?', 'dispute (?:the |this |a )?(?:charge|payment|transaction)', 'reverse the (?:charge|payment)',
    'report(?:ing|ed)? (?:this|it|you|the charge) to my (?:bank|card issuer|credit card company)'] },
  { urgency: 'high', cue: "can't pay", phrases: [
    // "I can't pay $50 a month for this" is about the price, not a broken checkout.
    after(`${CANT}(?: \\w+)?`, 'pay') + '(?! (?:for|that|this|so|more|\\$|\\d|such|over|extra|twice|double))',
    after(CANT, '(?:check ?out|complete (?:my |the )?(?:purchase|order|payment|checkout)|place (?:an |my |the )?order)'),
    'broken (?:checkout|payment page|payments?)',
    "checkout (?:\\w+ ){0,2}(?:broken|not working|doesn't work|fails|failed|failing|errors?|crashes|won't load)",
    "payments? (?:\\w+ ){0,2}(?:fails?|failed|failing|won't go through|doesn't go through|not going through)"] },
  { urgency: 'high', cue: 'data loss', phrases: [
    'lost (?:all )?(?:of )?(?:my|our) (?:\\w+ )?(?:data|files|photos|notes|work|documents|progress|contacts|messages)',
    '(?:deleted|wiped|erased) (?:all )?(?:of )?(?:my|our) (?:\\w+ )?(?:data|files|photos|notes|work|documents|progress)',
    'data (?:\\w+ )?(?:loss|lost|gone|deleted|wiped|disappeared|vanished)',
    after('(?:my|our)(?: \\w+)? (?:data|files|photos|notes|documents|progress)(?: \\w+){0,2}',
      '(?:gone|disappeared|vanished|wiped)')] },
  { urgency: 'high', cue: 'outage', phrases: [
    'outages?', 'crash(?:es|ed|ing)? (?:on|at|during|right after) (?:startup|start-?up|launch|opening|open)',
    after('(?:site|website|app|service|servers?|system|platform|api|store|shop|portal) (?:is|are|was|were|has been|' +
      'have been|went|goes|keeps going|seems|been)(?: still| completely| totally| all)?',
      '(?:down|offline|unavailable|unreachable)'),
    'crash(?:es)? as soon as (?:i open it|it opens|i (?:open|start|launch) (?:it|the app))',
    after("(?:app|site|website|it)(?: \\w+)? (?:won't|doesn't|will not|does not|can't)(?: even)?",
      '(?:open|start|launch|load)')] },
  // The customer's own word, unless they say it is not (CALM).
  { urgency: 'high', cue: 'marked urgent', phrases: [
    'urgent(?:ly)?', 'asap', 'emergency(?! (?:contact|number|exit|brake|fund))'] },
];

const CALM = phrases([
  "(?:not|isn't|wasn't|nothing|non)(?:[- ]\\w+){0,2}[- ]urgent", 'no (?:rush|hurry|emergency)', 'not an emergency',
  'not in a (?:rush|hurry)', 'take your time', 'whenever you (?:can|get a chance|have time)',
]);
const findRules = phraseSets(RULES.map((r) => r.phrases));

/**
 * How soon a message needs a person, and the phrases that said so.
 *
 * Never returns 'low': that depends on the label (praise, an idea, a neutral note), which this
 * function does not know. It returns 'normal' unless a cue says otherwise; the caller lowers it.
 *
 * @param lower the message lowercased, apostrophes as ', links removed, at most 5000 characters
 * @example
 * urgencyOf("i was charged twice and now i'm locked out");
 * // { urgency: 'critical', cues: ['charged twice', 'locked account'] }
 */
export function urgencyOf(lower: string): { urgency: Urgency; cues: string[] } {
  const found = findRules(lower);
  let urgency: Urgency = 'normal';
  const cues: string[] = [];
  for (let i = 0; i < RULES.length && cues.length < MAX_CUES; i++) {
    const rule = RULES[i]!;
    if (!found[i] || (rule.cue === 'marked urgent' && CALM.test(lower))) continue;
    if (urgency === 'normal') urgency = rule.urgency;
    cues.push(rule.cue);
  }
  return { urgency, cues };
}
