-- The /mail page lists the outbox newest first and filters it by kind.
create index ix_outbox_created on outbox_mail (created_at);
create index ix_outbox_kind on outbox_mail (kind, created_at);
