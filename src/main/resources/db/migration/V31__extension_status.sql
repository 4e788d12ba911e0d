-- An extension row carries the status of the request it records: requested (in progress or not
-- confirmed), granted, granted-shorter, refused, not-considered-late (the APMBC 22MSP precedent:
-- late requests were not considered). Only granted and granted-shorter move the deadline.
alter table registry_extension drop constraint ck_extension_decision;
alter table registry_extension alter column decision set data type varchar(24);
alter table registry_extension add constraint ck_extension_decision
  check (decision in ('requested', 'granted', 'granted-shorter', 'refused', 'not-considered-late'));
