-- The lease under which one node at a time hands the running extension requests of older model versions
-- to Camunda migration batches at start-up (request.RunningRequestMigration): two nodes starting together
-- never create two batches for the same requests.
insert into app_lock (name, locked_until) values ('model-versions', timestamp '1970-01-01 00:00:00');
