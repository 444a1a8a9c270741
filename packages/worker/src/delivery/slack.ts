/**
 * An event as a Slack message (incoming webhook, Block Kit): what it is, for which team, how urgent,
 * the rating, the topics, the start of the customer's words and a link to the message. `text` is
 * the notification's line and what clients without blocks show. A surge alert names its topic and
 * the day's count against the baseline.
 */
import type { SurgeEvent } from '../schemas/alert.js';
import type { DeliveryEvent, FeedbackEventData } from '../schemas/delivery.js';

/**
 * How much of the message Slack shows; the link has the rest. Escaped (5 characters at most for
 * one) and quoted, it stays within TEXT_LIMIT.
 */
export const EXCERPT_CHARACTERS = 500;

/** Slack refuses a message with a longer text object: a section's text, or one element of a context. */
export const TEXT_LIMIT = 3000;

/**
 * Slack's mrkdwn text object, always verbatim: Slack then makes no link of its own out of an
 * address or a #channel in the customer's words, while the links we write (`<url|text>`) and our
 * *bold* still work.
 */
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  verbatim: true;
}

export interface SlackMessage {
  text: string;
  blocks: Array<{ type: 'section'; text: MrkdwnText } | { type: 'context'; elements: MrkdwnText[] }>;
}

const SEPARATOR = ' · ';

/**
 * Slack's three control characters: the customer's words are shown as written, never read as a
 * link, a mention (<!channel>) or a user (<@U…>).
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `text` escaped in at most `max` characters: when longer, cut short with … between two characters, never inside an escape. */
export function escapeWithin(text: string, max: number): string {
  const escaped = escapeSlack(text);
  if (escaped.length <= max) return escaped;
  let kept = '';
  for (const char of text) {
    const next = escapeSlack(char);
    if (kept.length + next.length + 1 > max) break;
    kept += next;
  }
  return `${kept}…`;
}

const mrkdwn = (text: string): MrkdwnText => ({ type: 'mrkdwn', text, verbatim: true });

export function slackMessage(event: DeliveryEvent): SlackMessage {
  if (event.type === 'test') {
    const text = `Tandem test: messages for ${event.data.routes.join(', ')} will arrive here.`;
    return { text, blocks: [{ type: 'section', text: mrkdwn(`:white_check_mark: ${escapeSlack(text)}`) }] };
  }
  if (event.type === 'alert.surge') return surgeMessage(event);
  const f = event.data;
  const what = event.type === 'feedback.pr_risk' ? `PR risk: a ${f.label} that may go public` : `New ${f.label}`;
  // Support's channel hears of the risk too, though PR's gets the alert.
  const risk = f.prRisk && event.type === 'feedback.created' ? ':rotating_light: may go public' : '';
  const headline = [`*${escapeSlack(what)}*`, `for ${f.routes.join(', ')}`, `urgency *${f.urgency}*`, rated(f), risk]
    .filter(Boolean)
    .join(SEPARATOR);
  return {
    text: `${event.type === 'feedback.pr_risk' ? ':rotating_light: ' : ''}${escapeSlack(what)} (urgency ${f.urgency}): ${escapeSlack(excerpt(f.message, 120))}`,
    blocks: [
      { type: 'section', text: mrkdwn(`${event.type === 'feedback.pr_risk' ? ':rotating_light: ' : ''}${headline}`) },
      { type: 'section', text: mrkdwn(quote(escapeSlack(excerpt(f.message, EXCERPT_CHARACTERS)))) },
      { type: 'context', elements: [mrkdwn(contextLine(f))] },
    ],
  };
}

/**
 * The topics, the customer's name and page, and our link, within TEXT_LIMIT. The page address is
 * the one part without a small bound (2,048 characters, five each once an & is escaped), so it
 * gets the room the others leave.
 */
function contextLine(f: FeedbackEventData): string {
  const line = (page: string) =>
    [f.topics.length ? `Topics: ${escapeSlack(f.topics.join(', '))}` : '', f.name ? `From ${escapeSlack(f.name)}` : '', page, `<${f.link}|Open in Tandem>`]
      .filter(Boolean)
      .join(SEPARATOR);
  if (!f.pageUrl) return line('');
  return line(`On ${escapeWithin(f.pageUrl, TEXT_LIMIT - line('On ').length)}`);
}

/** A surge names its topic in the notification line itself: that is what PR needs first. */
function surgeMessage({ data: a }: SurgeEvent): SlackMessage {
  const text = `Complaint surge: ${escapeSlack(a.topic)}: ${a.today} complaints today (${a.day}, UTC), against ${a.baseline} a day over the last 4 weeks`;
  const context = [`${a.sampleFeedbackIds.length} of them: ${a.sampleFeedbackIds.join(', ')}`, a.link ? `<${a.link}|Open insights>` : ''];
  return {
    text: `:chart_with_upwards_trend: ${text}`,
    blocks: [
      { type: 'section', text: mrkdwn(`:chart_with_upwards_trend: *${text}*`) },
      { type: 'context', elements: [mrkdwn(context.filter(Boolean).join(SEPARATOR))] },
    ],
  };
}

function rated(f: FeedbackEventData): string {
  if (f.rating !== null) return `${'★'.repeat(f.rating)}${'☆'.repeat(5 - f.rating)} ${f.rating}/5`;
  if (f.score !== null) return `score ${f.score}/10`;
  return '';
}

function excerpt(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Slack's block quote, line by line (the `>` is ours: the customer's were escaped). */
function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}
