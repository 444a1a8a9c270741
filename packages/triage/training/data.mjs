// Reads the labeled sets in ../shared/data into one shape, with a fixed held-out split per set.
// Training and evaluation both call load(); the split never depends on a seed, so the test items
// of every set are the same on every machine and training can never see them.
//
// Item: { text, polarity?: -1 | 0 | 1, route?: 'support' | 'product' | 'pr', complaint?: boolean,
//         kind?: 'complaint' | 'question' | 'idea' | 'praise' | 'other' }
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

export const DATA_DIR = process.env.TANDEM_DATA ?? resolve(import.meta.dirname, '../../../../shared/data');

export function hasData() {
  return existsSync(resolve(DATA_DIR, 'README.md'));
}

/** FNV-1a, 32 bits; a different basis gives an independent split of the same keys. */
export function fnv(key, basis = 0x811c9dc5) {
  let h = basis;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One item in five is held out, the same ones everywhere. */
export const heldOut = (key) => fnv(key) % 5 === 0;

/** Whitespace and case folded, so a text repeated across sets or splits is recognised. */
export const normal = (text) => text.toLowerCase().replace(/\s+/g, ' ').trim();

const read = (file) => readFileSync(resolve(DATA_DIR, file), 'utf8').replace(/^\uFEFF/, '');
const csv = (file) => parse(read(file), { columns: true, relax_quotes: true, skip_empty_lines: true });
const tsv = (file) =>
  parse(read(file), { columns: true, delimiter: '\t', quote: false, relax_column_count: true, skip_empty_lines: true });
const stars = (n) => (n <= 2 ? -1 : n >= 4 ? 1 : 0);

/** Splits items by heldOut(key(item)); duplicates of a text keep the first copy. */
function byHash(items, key = (item) => normal(item.text)) {
  const seen = new Set();
  const train = [];
  const test = [];
  for (const item of items) {
    const n = normal(item.text);
    if (!n || seen.has(n)) continue;
    seen.add(n);
    (heldOut(key(item)) ? test : train).push(item);
  }
  return { train, test };
}

function uci(file) {
  const rows = read(file).split('\n').slice(1);
  const items = [];
  for (const row of rows) {
    const tab = row.lastIndexOf('\t');
    if (tab < 0) continue;
    items.push({ text: row.slice(0, tab).trim(), polarity: row.slice(tab + 1).trim() === '1' ? 1 : -1 });
  }
  return byHash(items);
}

function sst2() {
  const items = (file) => tsv(file).map((r) => ({ text: r.sentence.trim(), polarity: r.label === '1' ? 1 : -1 }));
  return { train: items('sst2_glue_train.tsv'), test: items('sst2_glue_dev.tsv') };
}

function semeval() {
  const polarity = { negative: -1, neutral: 0, positive: 1 };
  const train = [];
  const test = [];
  for (const r of tsv('semeval_task4A_english_2013-2017.tsv')) {
    if (!(r.label in polarity)) continue;
    (r.split === '2017test' ? test : train).push({ text: r.text, polarity: polarity[r.label] });
  }
  return { train, test };
}

function alexa() {
  const items = tsv('amazon_alexa.tsv')
    .filter((r) => r.verified_reviews?.trim())
    .map((r) => ({ text: r.verified_reviews.replace(/^"|"$/g, '').trim(), polarity: stars(Number(r.rating)) }));
  return byHash(items);
}

function blitzer() {
  const train = [];
  const test = [];
  for (const r of csv('blitzer_multidomain_amazon_airline_sentiment.csv')) {
    (r.orig_split === 'train' ? train : test).push({ text: r.text, polarity: r.label === '1' ? 1 : -1 });
  }
  return { train, test };
}

function tripadvisor() {
  return byHash(csv('tripadvisor_hotel_reviews_2000subset.csv').map((r) => ({ text: r.Review, polarity: stars(Number(r.Rating)) })));
}

function ciurumelea() {
  return byHash(
    csv('ciurumelea2017_urr_golden_set_utf8.csv').map((r) => ({ text: r.reviewText, polarity: stars(Number(r.ratingStars)) })),
  );
}

// Maalej: one row per label per review, so labels are gathered per reviewId and the split is by
// reviewId. Routes: a bug report goes to support, a feature request to product, a "rating" to PR
// when it has 4-5 stars (praise) and to support at 1-2 (a complaint). Reviews with more than one
// of those, 3-star ratings and pure user_experience descriptions get no route (not scored).
function maalej() {
  const reviews = new Map();
  for (const r of csv('maalej2016_app_reviews.csv')) {
    const review = reviews.get(r.reviewId) ?? { id: r.reviewId, labels: new Set(), rating: Number(r.rating), text: '' };
    review.labels.add(r.label);
    review.text = [r.title, r.review].filter((s) => s && s.trim()).join('. ');
    reviews.set(r.reviewId, review);
  }
  const items = [];
  for (const review of reviews.values()) {
    const kinds = ['bug_report', 'feature_request', 'rating'].filter((l) => review.labels.has(l));
    let route;
    let kind;
    if (kinds.length === 1 && kinds[0] === 'bug_report') [route, kind] = ['support', 'complaint'];
    else if (kinds.length === 1 && kinds[0] === 'feature_request') [route, kind] = ['product', 'idea'];
    else if (kinds.length === 1 && review.rating >= 4) [route, kind] = ['pr', 'praise'];
    else if (kinds.length === 1 && review.rating <= 2) [route, kind] = ['support', 'complaint'];
    items.push({ id: review.id, text: review.text, route, kind, polarity: stars(review.rating) });
  }
  return byHash(items, (item) => `maalej:${item.id}`);
}

// Tizard: VLC forum sentences. Only the labels that say who should act are used.
function tizard() {
  const KIND = {
    'apparent bug': ['support', 'complaint'],
    'unsatisfactory behaviour': ['support', 'complaint'],
    'question on application': ['support', 'question'],
    'help seeking': ['support', 'question'],
    'information seeking': ['support', 'question'],
    'feature request': ['product', 'idea'],
    'praise application': ['pr', 'praise'],
  };
  const items = csv('tizard2019_vlc_forum_sentences.csv')
    .filter((r) => KIND[r.label_normalized])
    .map((r) => ({ text: r.sentence, route: KIND[r.label_normalized][0], kind: KIND[r.label_normalized][1] }));
  return byHash(items);
}

// Preotiuc: tweets to brands, complaint or not. Not every non-complaint is neutral in tone, so
// only the complaint flag is used.
function preotiuc() {
  const items = csv('preotiuc2019_twitter_complaints.csv').map((r) => ({
    id: r.tweet_id,
    text: r.text,
    complaint: r.is_complaint === '1',
  }));
  return byHash(items, (item) => `preotiuc:${item.id}`);
}

// Banking77 and Bitext: what customers ask a service desk; all of it is support's.
function banking77() {
  const items = (file) => csv(file).map((r) => ({ text: r.text, route: 'support', kind: 'question' }));
  return { train: items('banking77_train.csv'), test: items('banking77_test.csv') };
}

function bitext() {
  const items = csv('bitext_customer_support_20k.csv').map((r) => ({
    text: r.utterance,
    route: 'support',
    kind: r.intent === 'complaint' ? 'complaint' : 'question',
  }));
  return byHash(items);
}

export const SETS = {
  uci_amazon: () => uci('uci_amazon_cells_labelled.txt'),
  uci_imdb: () => uci('uci_imdb_labelled.txt'),
  uci_yelp: () => uci('uci_yelp_labelled.txt'),
  sst2: sst2,
  semeval: semeval,
  alexa: alexa,
  blitzer: blitzer,
  tripadvisor: tripadvisor,
  ciurumelea: ciurumelea,
  maalej: maalej,
  tizard: tizard,
  preotiuc: preotiuc,
  banking77: banking77,
  bitext: bitext,
};

/**
 * Every set as { name, train, test }. A training text that also appears in any held-out split is
 * dropped from training, so no test item is ever learned by heart.
 */
export function load() {
  const sets = Object.entries(SETS).map(([name, read]) => ({ name, ...read() }));
  const tested = new Set(sets.flatMap((s) => s.test.map((item) => normal(item.text))));
  for (const set of sets) set.train = set.train.filter((item) => !tested.has(normal(item.text)));
  return sets;
}
