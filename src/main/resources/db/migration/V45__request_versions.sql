-- The versions of a State's request (#13): the request as first received is version 1; each
-- revised request the ISU records with the State's answers is the next. Each version keeps
-- what the State asked for at that time: the requested deadline, a summary and the day it
-- was received. Written by the engine's listeners only; never updated or deleted. A business key
-- is reused when a withdrawn request is submitted again: the versions belong to one instance.
create table request_version (
  process_instance_id varchar(64) not null,
  business_key varchar(100) not null,
  version int not null,
  requested_deadline date not null,
  summary varchar(20000),
  received_on date not null,
  recorded_by varchar(64),
  recorded_at timestamp not null,
  constraint pk_request_version primary key (process_instance_id, version)
);
create index ix_request_version_key on request_version (business_key, recorded_at);
