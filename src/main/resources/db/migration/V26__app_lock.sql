-- Named leases that let one node at a time run a cluster-wide job: a node takes a lock by
-- moving locked_until forward while it has passed (or while it is its own holder).
create table app_lock (
  name         varchar(100) primary key,
  locked_until timestamp    not null,
  locked_by    varchar(200)
);

insert into app_lock (name, locked_until) values ('event-resubmission', timestamp '1970-01-01 00:00:00');
