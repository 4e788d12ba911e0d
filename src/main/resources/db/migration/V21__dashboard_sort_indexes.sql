-- The list sorts by these columns over every request (status "all"): an index lets the
-- database read the first page in order instead of sorting the whole table.
create index ix_dashboard_request_state_name on dashboard_request (state_name);
create index ix_dashboard_request_submission_due on dashboard_request (submission_due);
create index ix_dashboard_request_meeting_day on dashboard_request (meeting_first_day);
create index ix_dashboard_request_started on dashboard_request (started_at);
