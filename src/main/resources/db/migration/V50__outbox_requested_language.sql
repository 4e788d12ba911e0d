-- The language a mail's recipient asked for, next to the one it is written in (language):
-- a letter to a State whose preferred language has no template goes out in English, and
-- the /mail page says so. Null for no preference and for the mails written before.
alter table outbox_mail add column requested_language varchar(16);
