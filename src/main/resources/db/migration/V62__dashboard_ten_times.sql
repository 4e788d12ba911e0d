-- The request list at 20 000 open and 1 000 000 finished requests (issue 15, bench/dashboard.sh).
-- The open list in its default order (submission due date, then business key and id) read from one index
-- in order, and the open requests' ids for the stage counts read from it without the table; it replaces
-- (status, submission_due).
create index ix_dashboard_request_open_list on dashboard_request (status, submission_due, business_key,
  process_instance_id);
drop index ix_dashboard_request_status;
-- The latest request of each State (the States page): one index probe per State of the registry.
create index ix_dashboard_request_state_latest on dashboard_request (state_code, convention, started_at);
