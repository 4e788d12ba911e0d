-- Dashboard read model: one row per extension request, kept up to date from the engine's
-- history events in the engine's own transaction (dashboard.RequestProjection). Open tasks
-- and current activities are read from the engine's runtime tables, once per page.

create table dashboard_request (
  process_instance_id  varchar(64)  not null primary key,
  business_key         varchar(100),
  convention           varchar(8),
  state_code           varchar(3),
  state_name           varchar(120),
  meeting_code         varchar(16),
  meeting_first_day    date,
  submission_due       date,
  submitted_on         date,
  current_deadline     date,
  requested_deadline   date,
  late_submission      boolean      not null default false,
  status               varchar(16)  not null,
  decision             varchar(20),
  started_at           timestamp    not null,
  ended_at             timestamp,
  constraint ck_dashboard_request_status check (status in ('open', 'granted', 'refused', 'withdrawn', 'closed'))
);

create index ix_dashboard_request_key on dashboard_request (business_key);
create index ix_dashboard_request_status on dashboard_request (status, submission_due);
create index ix_dashboard_request_meeting on dashboard_request (meeting_code, status);
create index ix_dashboard_request_convention on dashboard_request (convention, status);

-- Calendar feed tokens: one per user, stored as a SHA-256 hash; deleting the row revokes it.
create table dashboard_feed_token (
  user_id     varchar(64)  not null primary key,
  token_hash  varchar(64)  not null,
  created_at  timestamp    not null,
  constraint uk_dashboard_feed_token unique (token_hash)
);
