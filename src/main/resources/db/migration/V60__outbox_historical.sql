-- A mail written while a past cycle was replayed as history (the demo's Somalia 13MSP request): kept
-- in the outbox as the record of the letter, never delivered. The sender claims only 'pending' rows.
alter table outbox_mail drop constraint ck_outbox_status;
alter table outbox_mail add constraint ck_outbox_status
  check (status in ('pending', 'sending', 'sent', 'failed', 'historical'));
