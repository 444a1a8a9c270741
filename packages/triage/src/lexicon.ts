// A compact English lexicon tuned to shop and SaaS feedback. Weights run from -3 (furious) to 3
// (delighted); only words that carry a stance in this setting are listed, so everything else is 0.

function weigh(groups: Record<string, string>): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const [weight, words] of Object.entries(groups)) {
    for (const word of words.trim().split(/\s+/)) map.set(word, Number(weight));
  }
  return map;
}

export const WORDS = weigh({
  '3': `
    love loved loves adore great best excellent amazing awesome fantastic wonderful brilliant
    superb outstanding perfect incredible delighted thrilled lifesaver stellar flawless`,
  '2.5': `
    lovely loving impressed impressive beautiful kudos bravo gem`,
  '2': `
    good enjoy enjoyed enjoying nice easy intuitive seamless reliable helpful friendly happy
    glad pleased satisfied grateful appreciate appreciated recommend recommended fun wow yay
    favorite favourite useful effortless efficient excited exciting perfectly`,
  '1.5': `
    liked better cool easier easily fast faster quick quickly smooth smoothly kind polite
    responsive thanks thank thx worth solid resolved solved affordable professional prompt
    promptly painless`,
  '1': `
    like likes decent simple clean fixed`,
  '0.5': `
    fine`,
  '-1': `
    issue issues confused difficult hard waiting waited cancel cancelled canceled expensive
    pricey charged fix concerned hidden`,
  '-1.5': `
    bug bugs error errors glitch laggy slow slower late delay delays delayed missing lost wrong
    incorrect refund problem problems complaint confusing complicated stuck freezes frozen
    freezing joke ugh shame worried refuse`,
  '-2': `
    bad worse poor poorly broke crash crashes crashed crashing fail fails failed failing failure
    glitchy damaged annoying annoyed upset unhappy ridiculous impossible mess wasted sad wtf
    ignored ignoring unresponsive overpriced refused`,
  '-2.5': `
    useless unusable broken defective overcharged disappointed disappointing disappointment
    frustrated frustrating angry unacceptable rude unprofessional sucks suck crap crappy garbage
    trash waste misleading lied lies stolen`,
  '-3': `
    hate hated hates terrible awful horrible worst scam fraud ripoff furious nightmare worthless
    pathetic cheated`,
});

/**
 * Verbs and nouns that are neutral alone but report a failure once negated: "nobody answers",
 * "never arrived", "doesn't work", "no refund yet". Their negated weight replaces any other.
 */
export const FAILS_WHEN_NEGATED = new Set(
  ('work works worked working load loads loaded loading open opens opened arrive arrives arrived ' +
    'come came answer answers answered respond responds responded response reply replies replied ' +
    'help helps helped fix fixed resolve resolved refund refunded receive received deliver delivered ' +
    'ship shipped show shows showed find get got sync connect log login access pay download install ' +
    'update updated save saved send sent here support').split(' '),
);
export const FAILED_WEIGHT = -1.5;

/** Words that flip the next few words: "not good", "never works", "no problems", "nobody answers". */
export const NEGATORS = new Set(
  ('not no never none nobody nothing neither nor without cannot hardly barely ' +
    'dont doesnt didnt cant wont isnt wasnt arent werent havent hasnt hadnt couldnt wouldnt shouldnt aint').split(' '),
);
/** Contractions ending in n't are negators too, whatever the verb. */
export const isNegator = (word: string): boolean => NEGATORS.has(word) || word.endsWith("n't");

// A negated positive is clearly negative ("not happy"); a negated negative is only mildly positive
// ("not bad" is faint praise).
export const NEGATED_POSITIVE = -0.8;
export const NEGATED_NEGATIVE = -0.5;

/** Scale the next sentiment word: "very slow", "really love", "STILL not here". */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.5], ['really', 1.4], ['so', 1.4], ['extremely', 1.7], ['super', 1.5], ['totally', 1.4],
  ['absolutely', 1.5], ['incredibly', 1.6], ['completely', 1.4], ['truly', 1.3], ['highly', 1.4],
  ['too', 1.3], ['such', 1.3], ['much', 1.3], ['still', 1.3], ['quite', 1.2],
  ['slightly', 0.5], ['somewhat', 0.6], ['bit', 0.6], ['kinda', 0.6], ['fairly', 0.8],
]);

/** After these the writer's real point follows: "great app but checkout is broken". */
export const CONTRAST = new Set(['but', 'however']);

/** Emoticons as typed (nose removed) and emoji by their first code point. */
export const EMOJI: ReadonlyMap<string, number> = new Map([
  [':)', 2], [':]', 2], ['=)', 2], [':D', 2.5], [';)', 1.5], ['<3', 2.5], [':P', 1], [':p', 1],
  [':(', -2], [':[', -2], ['=(', -2], [';(', -2], [":'(", -2.5], ['>:(', -3], [':/', -1], [':\\', -1],
  ...[...'😍🥰🤩❤💖💕💯🎉🥳'].map((e): [string, number] => [e, 3]),
  ...[...'😀😃😄😁😆😊🙂😘😎🤗👍👏🙌🙏⭐🌟✨'].map((e): [string, number] => [e, 2]),
  ...[...'😡😠🤬🤮'].map((e): [string, number] => [e, -3]),
  ...[...'👎💩💔😭'].map((e): [string, number] => [e, -2.5]),
  ...[...'😤😞😔😟🙁☹😢😩😫'].map((e): [string, number] => [e, -2]),
  ...[...'😒🙄😕'].map((e): [string, number] => [e, -1.5]),
]);

export function emojiWeight(emoji: string): number {
  return EMOJI.get(emoji.replace('-', '')) ?? 0;
}
