/**
 * Invitations to say how it went (0009_invitations.sql): sent after a resolved complaint, answered
 * once by a message that links back to it (feedback.invited_after).
 */
import { newId } from '../lib/ids.js';
import type { ByWhom, Invitation } from '../schemas/inbox.js';

export interface NewInvitation {
  siteId: string;
  feedbackId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  by: ByWhom;
}

export async function insertInvitation(db: D1Database, i: NewInvitation): Promise<Invitation> {
  const id = newId('inv');
  await db
    .prepare(
      `INSERT INTO invitations (id, site_id, feedback_id, token_hash, created_at, expires_at, key_id, role, actor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(id, i.siteId, i.feedbackId, i.tokenHash, i.createdAt, i.expiresAt, i.by.keyId, i.by.role, i.by.actor)
    .run();
  return { id, createdAt: i.createdAt, expiresAt: i.expiresAt, answeredBy: null, answeredAt: null, by: i.by };
}

/** What the invitation page and an answer need to know about the invitation a token opens. */
export interface OpenedInvitation {
  id: string;
  siteId: string;
  siteName: string;
  /** The complaint's id and when it was written. */
  feedbackId: string;
  complaintAt: string;
  expiresAt: string;
  answeredAt: string | null;
  /** A live publishable key of the site, for the widget on the page; null when it has none. */
  publishableKey: string | null;
}

export async function findInvitationByToken(db: D1Database, tokenHash: string): Promise<OpenedInvitation | null> {
  return db
    .prepare(
      `SELECT i.id, i.site_id AS siteId, s.name AS siteName, i.feedback_id AS feedbackId, f.created_at AS complaintAt,
              i.expires_at AS expiresAt, i.answered_at AS answeredAt,
              (SELECT key_hint FROM api_keys k WHERE k.site_id = i.site_id AND k.kind = 'publishable'
                  AND k.revoked_at IS NULL ORDER BY k.created_at LIMIT 1) AS publishableKey
         FROM invitations i JOIN sites s ON s.id = i.site_id JOIN feedback f ON f.id = i.feedback_id
        WHERE i.token_hash = ?`,
    )
    .bind(tokenHash)
    .first<OpenedInvitation>();
}

/**
 * Marks the invitation answered by `answerId`, in the batch that stores the answer: only when the
 * answer was stored (a retry stores nothing), and the trigger of 0009 fails the whole batch when
 * another answer came first, so an invitation is answered once even by two answers at once.
 */
export function answerInvitationStatement(db: D1Database, invitationId: string, answerId: string, now: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE invitations SET answered_feedback_id = ?2, answered_at = ?3
        WHERE id = ?1 AND EXISTS (SELECT 1 FROM feedback WHERE id = ?2)`,
    )
    .bind(invitationId, answerId, now);
}

/** The invitations sent after each of these messages, by message id, oldest first. */
export async function listInvitations(db: D1Database, siteId: string, feedbackIds: string[]): Promise<Map<string, Invitation[]>> {
  const { results } = await db
    .prepare(
      `SELECT id, feedback_id, created_at, expires_at, answered_feedback_id, answered_at, key_id, role, actor
         FROM invitations WHERE site_id = ? AND feedback_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .bind(siteId, JSON.stringify(feedbackIds))
    .all<{
      id: string;
      feedback_id: string;
      created_at: string;
      expires_at: string;
      answered_feedback_id: string | null;
      answered_at: string | null;
      key_id: string;
      role: ByWhom['role'];
      actor: string | null;
    }>();
  const byMessage = new Map<string, Invitation[]>();
  for (const r of results) {
    const invitation = {
      id: r.id,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      answeredBy: r.answered_feedback_id,
      answeredAt: r.answered_at,
      by: { keyId: r.key_id, role: r.role, actor: r.actor },
    };
    const list = byMessage.get(r.feedback_id) ?? [];
    if (!list.length) byMessage.set(r.feedback_id, list);
    list.push(invitation);
  }
  return byMessage;
}

/** Whether this message answers an invitation (of any site: the caller checks its own). */
export async function answersInvitation(db: D1Database, feedbackId: string): Promise<boolean> {
  const row = await db.prepare('SELECT 1 FROM feedback WHERE id = ? AND invited_after IS NOT NULL').bind(feedbackId).first();
  return row !== null;
}
