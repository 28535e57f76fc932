-- The change files written, one per run that decided. A run that decided but whose publish never finished (it
-- failed, and a newer run went past it instead of restarting it) has its change file written by the next publish,
-- so that a consumer who reads only change files misses none of its changes. Runs that decided before this version
-- count as written: their imports may be gone by now, and a late file would list their first imports as empty.
create table change_file (
    job_instance_id bigint primary key, -- the publication the file is named after
    written_by      bigint,             -- the run whose publish wrote it (itself, or a later one); null before V11
    lost_reason     varchar(1000)       -- why a later publish could not write it (its first-import rows were gone)
);

insert into change_file (job_instance_id) select distinct job_instance_id from import_result;
