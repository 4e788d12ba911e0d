-- The CSV export reads every matching request in chunks of 1 000, each continuing after the last row of the
-- one before (keyset, RequestReadModel.forEach), so that its first rows need no sort of every matching row:
-- for each sort it reads so, an index in the list's order (the sort column, then the business key and the
-- id). Each replaces the sort column's own index (V21), which the list's pages read the same way.
create index ix_dashboard_request_submission_due_key on dashboard_request (submission_due, business_key,
  process_instance_id);
drop index ix_dashboard_request_submission_due;
create index ix_dashboard_request_meeting_day_key on dashboard_request (meeting_first_day, business_key,
  process_instance_id);
drop index ix_dashboard_request_meeting_day;
create index ix_dashboard_request_state_name_key on dashboard_request (state_name, business_key,
  process_instance_id);
drop index ix_dashboard_request_state_name;
create index ix_dashboard_request_started_key on dashboard_request (started_at, business_key,
  process_instance_id);
drop index ix_dashboard_request_started;
-- A meeting's open requests of one convention (the work plan's count, the list filtered by meeting) counted
-- from the index alone; it replaces (meeting_code, status).
create index ix_dashboard_request_meeting_open on dashboard_request (meeting_code, status, convention);
drop index ix_dashboard_request_meeting;
