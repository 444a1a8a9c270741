-- The demo site `npm start` serves: Northwind Coffee Roasters, a small online shop.
-- Local only: these keys exist in no deployed database. Safe to apply more than once.
-- Key hashes are SHA-256 of the keys shown in the README (checked by test/app.test.ts).

INSERT INTO sites (id, name, created_at)
VALUES ('site_demo', 'Northwind Coffee Roasters', '2026-11-01T09:00:00.000Z')
ON CONFLICT (id) DO NOTHING;

INSERT INTO site_origins (site_id, origin) VALUES
  ('site_demo', 'http://127.0.0.1:8787'),
  ('site_demo', 'http://localhost:8787')
ON CONFLICT DO NOTHING;

INSERT INTO api_keys (id, site_id, kind, role, key_hash, key_hint, created_at) VALUES
  ('key_demo_publishable', 'site_demo', 'publishable', NULL,
   'f3c6871bd0b3f5f8eca9b8d641ff967b12a4a62f0ba81d17d74640dbcb77edb9',
   'pk_demo_3b7f1d6a92e04c8b5a1f7e2d', '2026-11-01T09:00:00.000Z'),
  ('key_demo_admin', 'site_demo', 'secret', 'admin',
   '9f6628f8edfc9c2aac2890269e033650f02cb2e58584034831906827f45ed5c8',
   'sk_demo_8c4e…f3e8', '2026-11-01T09:00:00.000Z')
ON CONFLICT DO NOTHING;

-- Approved testimonials for the demo page's wall, written straight into the seed (the studio's
-- routes make them from consented messages).
INSERT INTO testimonials (id, site_id, quote, author_name, rating, status, approved_at, created_at) VALUES
  ('tm_demo_1', 'site_demo', 'The Ethiopia Guji is the best coffee I have had at home. Fresh, fruity, and it arrived two days after roasting.', 'Amara O.', 5, 'approved', '2026-11-03T10:00:00.000Z', '2026-11-02T18:21:00.000Z'),
  ('tm_demo_2', 'site_demo', 'My grinder broke and support sent a replacement burr the same week, no questions asked.', 'Jonas W.', 5, 'approved', '2026-11-05T14:30:00.000Z', '2026-11-05T08:02:00.000Z'),
  ('tm_demo_3', 'site_demo', 'The subscription is easy to pause when I travel. Small thing, but it keeps me a customer.', 'Lucía M.', 4, 'approved', '2026-11-08T09:15:00.000Z', '2026-11-07T20:44:00.000Z'),
  ('tm_demo_4', 'site_demo', 'Still waiting for approval: this one must not appear on the wall.', 'Draft D.', 5, 'draft', NULL, '2026-11-09T11:00:00.000Z'),
  -- Lengths vary as real quotes do; one customer gave no rating, one chose not to be named.
  ('tm_demo_5', 'site_demo', 'I was sceptical about a coffee subscription, but the first bag of House Espresso changed my mind. It tastes like the café around the corner, and it is never more than three days off the roaster.', 'Priya S.', 5, 'approved', '2026-11-06T16:40:00.000Z', '2026-11-06T07:12:00.000Z'),
  ('tm_demo_6', 'site_demo', 'Lovely people, lovely beans.', 'Tom B.', NULL, 'approved', '2026-11-04T11:05:00.000Z', '2026-11-04T09:30:00.000Z'),
  ('tm_demo_7', 'site_demo', 'Ordered on Monday, brewing by Wednesday. The Colombia Huila is my new everyday coffee.', NULL, 4, 'approved', '2026-11-07T13:20:00.000Z', '2026-11-07T10:48:00.000Z'),
  ('tm_demo_8', 'site_demo', 'My first order went to the wrong address. Northwind called me the next morning, sent a new bag on the house and added a handwritten note. That is how you keep a customer.', 'Elif K.', 5, 'approved', '2026-11-02T15:00:00.000Z', '2026-11-01T19:26:00.000Z')
ON CONFLICT DO NOTHING;
